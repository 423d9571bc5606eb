/**
 * The vitest entry point (`convkit/vitest`): the whole catalogue and the golden fixtures as one `it` per check
 * in a user's own test run —
 *
 *     import { describeConformance } from 'convkit/vitest';
 *     import adapter from '../src/my-adapter.js';
 *     describeConformance(adapter);
 *
 * A skipped check is a skipped test (with the reason); a failure throws with what the console report prints
 * for it — the message, the counterexample and expected | actual | difference as grids, the replay command and
 * a reproduction; checks in `baseline` (a Baseline, or the path of a baseline file as `convkit baseline write`
 * writes it) are expected to fail (`it.fails`), so a fixed one turns the test red as stale.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Adapter } from '../adapter/contract.js';
import { replayCommand } from './report/replayCommand.js';
import type { CheckResult } from '../check/checkResult.js';
import { checkFixture } from '../golden/checkFixture.js';
import { shippedFixtures } from '../golden/loadFixtures.js';
import { catalogue } from '../../properties/catalogue.js';
import pc from 'picocolors';
import { readBaseline, type Baseline } from './ci/baseline.js';
import { formatConsoleFailure } from './report/consoleFailure.js';
import { checkProperty } from './checkProperty.js';
import { readOnlyInputs } from './readOnlyInputs.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from './runConformance.js';

export interface DescribeConformanceOptions {
  readonly seed?: number;
  /** How the replay command names the adapter (`--adapter …`); a placeholder by default. */
  readonly adapterSpec?: string;
  readonly runs?: number;
  /** Only checks whose id contains this text. */
  readonly only?: string;
  /** Known deviations, expected to fail: a Baseline, or the path of a baseline file (relative to the working directory). */
  readonly baseline?: Baseline | string;
  /** The describe block's title; default `convkit conformance: <adapter name>`. */
  readonly title?: string;
}

interface SkipContext {
  skip(note?: string): void;
}

/** Vitest's own failure display: the error's message, uncoloured (vitest colours the rest). */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

export function verdict(result: CheckResult, adapterSpec: string, ctx: SkipContext): void {
  if (result.status === 'skipped' || result.status === 'vacuous') return ctx.skip(result.message);
  if (result.status === 'passed') return;
  const context = { replay: (c: CheckResult) => replayCommand(c, adapterSpec), adapterSpec, colors: pc.createColors(false) };
  throw new ConformanceFailure(formatConsoleFailure(result, context).join('\n'));
}

function baselineOption(baseline: Baseline | string | undefined): Baseline | undefined {
  return typeof baseline === 'string' ? readBaseline(baseline) : baseline;
}

export function describeConformance(adapter: Adapter | (() => Adapter | Promise<Adapter>), options: DescribeConformanceOptions = {}): void {
  const seed = options.seed ?? DEFAULT_SEED;
  const adapterSpec = options.adapterSpec ?? '<your adapter>';
  const runs = options.runs ?? DEFAULT_RUNS;
  const selected = (id: string) => options.only === undefined || id.includes(options.only);
  const expected = new Set(baselineOption(options.baseline)?.entries.map((e) => e.id) ?? []);
  const title = options.title ?? `convkit conformance: ${typeof adapter === 'function' ? 'adapter' : adapter.name}`;
  describe(title, () => {
    let loaded: Adapter;
    beforeAll(async () => {
      loaded = readOnlyInputs(typeof adapter === 'function' ? await adapter() : adapter);
    });
    const test = (id: string) => (expected.has(id) ? it.fails : it);
    for (const fixture of shippedFixtures()) {
      const id = `golden/${fixture.id}`;
      if (selected(id)) test(id)(id, async (ctx) => verdict(await checkFixture(loaded, fixture), adapterSpec, ctx));
    }
    for (const property of catalogue) {
      if (selected(property.id)) test(property.id)(`${property.id}: ${property.title}`, async (ctx) => verdict(await checkProperty(loaded, property, { seed, runs }), adapterSpec, ctx), 120_000);
    }
  });
}
