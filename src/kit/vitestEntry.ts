/**
 * The vitest entry point (`convkit/vitest`): the whole catalogue and the golden fixtures as one `it` per check
 * in a user's own test run —
 *
 *     import { describeConformance } from 'convkit/vitest';
 *     import adapter from '../src/my-adapter.js';
 *     describeConformance(adapter);
 *
 * A skipped check is a skipped test (with the reason); a failure throws with the message and the replay
 * command; checks in `baseline` are expected to fail (`it.fails`), so a fixed one turns the test red as stale.
 */
import { beforeAll, describe, it } from 'vitest';
import type { Adapter } from '../adapter/contract.js';
import type { CheckResult } from '../check/checkResult.js';
import { checkFixture } from '../golden/checkFixture.js';
import { loadFixtures } from '../golden/loadFixtures.js';
import { catalogue } from '../../properties/catalogue.js';
import type { Baseline } from './ci/baseline.js';
import { checkProperty } from './checkProperty.js';
import { readOnlyInputs } from './readOnlyInputs.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from './runConformance.js';

export interface DescribeConformanceOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** Only checks whose id contains this text. */
  readonly only?: string;
  /** Known deviations: these checks are expected to fail. */
  readonly baseline?: Baseline;
  /** The describe block's title; default `convkit conformance: <adapter name>`. */
  readonly title?: string;
}

interface SkipContext {
  skip(note?: string): void;
}

function verdict(result: CheckResult, seed: number, ctx: SkipContext): void {
  if (result.status === 'skipped') return ctx.skip(result.message);
  if (result.status === 'passed') return;
  const replay = result.id.startsWith('golden/') ? '' : `\nreplay: convkit replay ${result.id} --adapter <your adapter> --seed ${seed}${result.path ? ` --path ${result.path}` : ''}`;
  throw new Error(`${result.status}: ${result.message ?? ''} (clauses ${result.clauses.join(', ')})${replay}`);
}

export function describeConformance(adapter: Adapter | (() => Adapter | Promise<Adapter>), options: DescribeConformanceOptions = {}): void {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const selected = (id: string) => options.only === undefined || id.includes(options.only);
  const expected = new Set(options.baseline?.entries.map((e) => e.id) ?? []);
  const title = options.title ?? `convkit conformance: ${typeof adapter === 'function' ? 'adapter' : adapter.name}`;
  describe(title, () => {
    let loaded: Adapter;
    beforeAll(async () => {
      loaded = readOnlyInputs(typeof adapter === 'function' ? await adapter() : adapter);
    });
    const test = (id: string) => (expected.has(id) ? it.fails : it);
    for (const fixture of loadFixtures()) {
      const id = `golden/${fixture.id}`;
      if (selected(id)) test(id)(id, async (ctx) => verdict(await checkFixture(loaded, fixture), seed, ctx));
    }
    for (const property of catalogue) {
      if (selected(property.id)) test(property.id)(`${property.id}: ${property.title}`, async (ctx) => verdict(await checkProperty(loaded, property, { seed, runs }), seed, ctx), 120_000);
    }
  });
}
