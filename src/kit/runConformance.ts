/**
 * runConformance: the golden fixtures and the property catalogue against one adapter, as structured results
 * for the CLI and any other tool. Never stops at the first failure; the same seed gives the same report.
 */
import type { Adapter } from '../adapter/contract.js';
import type { CheckResult } from '../check/checkResult.js';
import { checkFixture } from '../golden/checkFixture.js';
import type { Fixture } from '../golden/fixture.js';
import { loadFixtures } from '../golden/loadFixtures.js';
import type { Property } from '../../properties/property.js';
import { catalogue } from '../../properties/catalogue.js';
import { isolationStatus } from '../isolation/channelAdapter.js';
import { checkProperty } from './checkProperty.js';
import { readOnlyInputs } from './readOnlyInputs.js';
import type { CorpusEntry } from './ci/corpus.js';
import { inShard, type Shard } from './shard.js';
import type { Scale } from '../shape/scale.js';
import { shapeProperties } from './shapeChecks.js';
import type { ShapeEntry } from '../shape/descriptor/shapeFile.js';

export const DEFAULT_SEED = 20261121;
export const DEFAULT_RUNS = 100;

export interface ConformanceOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** How large generated cases get (`shape.scale`); default 'default'. */
  readonly scale?: Scale;
  /** Only checks whose id matches (a RegExp, or a substring). */
  readonly only?: string | RegExp;
  /** Replaces the golden fixtures (default: everything under golden/). */
  readonly fixtures?: readonly Fixture[];
  /** A user's own fixtures, run after the golden ones. */
  readonly extraFixtures?: readonly Fixture[];
  /** Replaces the property catalogue; then the shape checks run only when `shapes` is given too. */
  readonly properties?: readonly Property[];
  /** Bounds the run's sizes (issue 10); for the shape corpus see `kit.descriptor.run`. Default 'default'. */
  /** A user's own shape list (`--shapes FILE`), checked as written instead of the corpus (`kit.descriptor.run`). */
  readonly shapes?: readonly ShapeEntry[];
  /** Run only the i-th of n deterministic parts of the checks. */
  readonly shard?: Shard;
  /** Known counterexamples, replayed before each property's random cases. */
  readonly corpus?: readonly CorpusEntry[];
  /** Stops the run before the next check (SIGINT, SIGTERM): the report holds the checks that finished. */
  readonly signal?: AbortSignal;
  /** Diagnose each failed property (conventions, explain; `kit.diagnosis.conventions`): default false, `convkit run` sets it. */
  readonly diagnose?: boolean;
  /** Called after each check (for a progress bar). */
  readonly onProgress?: (done: number, total: number, id: string) => void;
}

export interface ConformanceReport {
  readonly adapter: string;
  readonly dtype: Adapter['dtype'];
  readonly seed: number;
  readonly runs: number;
  readonly scale?: Scale;
  readonly checks: CheckResult[];
  /** Operators of an isolated adapter that timed out and were cut off for the rest of the run (`kit.protocol.breaker`). */
  readonly cutOff?: readonly string[];
  /** Set when the run was stopped early (`signal`): why, and how many checks it would have had. */
  readonly interrupted?: { readonly reason: string; readonly planned: number };
}

function matcher(only: ConformanceOptions['only']): (id: string) => boolean {
  if (only === undefined) return () => true;
  if (only instanceof RegExp) return (id) => only.test(id);
  return (id) => id.includes(only);
}

type PropertySelection = Pick<ConformanceOptions, 'properties' | 'scale' | 'shapes'>;

/** The catalogue (or the given properties), then the shape-corpus checks (`kit.descriptor.run`). */
export function runProperties(options: PropertySelection): Property[] {
  const shapes = options.properties === undefined || options.shapes !== undefined ? shapeProperties(options.scale ?? 'default', options.shapes) : [];
  return [...(options.properties ?? catalogue), ...shapes];
}

/** Every check id the run could have, before --only and --shard select among them. */
export function allCheckIds(options: Pick<ConformanceOptions, 'fixtures' | 'extraFixtures'> & PropertySelection = {}): Set<string> {
  const fixtures = [...(options.fixtures ?? loadFixtures()), ...(options.extraFixtures ?? [])];
  return new Set([...fixtures.map((f) => `golden/${f.id}`), ...runProperties(options).map((p) => p.id)]);
}

async function checkWithCorpus(adapter: Adapter, property: Property, seed: number, runs: number, scale: Scale, corpus: readonly CorpusEntry[], diagnose: boolean): Promise<CheckResult> {
  for (const entry of corpus) {
    if (entry.id !== property.id) continue;
    const replayed = await checkProperty(adapter, property, { seed: entry.runSeed, runs, path: entry.path, kind: 'corpus', diagnose, ...(entry.scale !== undefined ? { scale: entry.scale } : {}) });
    // A path recorded before the property's generator changed no longer replays: it proves nothing either way.
    if (replayed.status === 'error' && replayed.detail?.['couldNotRun'] === true) continue;
    if (replayed.status === 'failed' || replayed.status === 'error') {
      return { ...replayed, message: `[corpus case from run seed ${entry.runSeed}] ${replayed.message ?? ''}` };
    }
  }
  return checkProperty(adapter, property, { seed, runs, scale, diagnose });
}

export async function runConformance(given: Adapter, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const adapter = readOnlyInputs(given);
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const matches = matcher(options.only);
  const selected = (id: string) => matches(id) && inShard(id, options.shard);
  const fixtures = [...(options.fixtures ?? loadFixtures()), ...(options.extraFixtures ?? [])].filter((f) => selected(`golden/${f.id}`));
  const properties = runProperties(options).filter((p) => selected(p.id));
  const total = fixtures.length + properties.length;
  const checks: CheckResult[] = [];
  const done = (c: CheckResult) => {
    checks.push(c);
    options.onProgress?.(checks.length, total, c.id);
  };
  const stopped = () => options.signal?.aborted === true;
  // A check cut short by the stop (its adapter was killed) says nothing about the adapter: it is left out.
  const keep = (c: CheckResult) => { if (!stopped()) done(c); };
  for (const fixture of fixtures) if (!stopped()) keep(await checkFixture(adapter, fixture));
  for (const property of properties) if (!stopped()) keep(await checkWithCorpus(adapter, property, seed, runs, options.scale ?? 'default', options.corpus ?? [], options.diagnose ?? false));
  const interrupted = stopped() ? { interrupted: { reason: String(options.signal!.reason), planned: total } } : {};
  const cutOff = isolationStatus(given)?.cutOff ?? [];
  return { adapter: adapter.name, dtype: adapter.dtype, seed, runs, ...(options.scale !== undefined && options.scale !== 'default' ? { scale: options.scale } : {}), checks, ...(cutOff.length > 0 ? { cutOff } : {}), ...interrupted };
}
