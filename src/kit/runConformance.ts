/**
 * runConformance: the golden fixtures and the property catalogue against one adapter, as structured results
 * for the CLI and any other tool. Never stops at the first failure; the same seed gives the same report.
 */
import { declarationFor } from '../check/declaredNumerics.js';
import { measureFingerprint } from './measureFingerprint.js';
import { operatorById, type OperatorRecord } from '../operators/index.js';
import type { Adapter } from '../adapter/contract.js';
import type { CheckResult } from '../check/checkResult.js';
import { checkFixture, goldenBase } from '../golden/checkFixture.js';
import type { Fixture } from '../golden/fixture.js';
import { shippedFixtures } from '../golden/loadFixtures.js';
import type { Property } from '../../properties/property.js';
import { catalogue } from '../../properties/catalogue.js';
import { isolationStatus } from '../isolation/channelAdapter.js';
import { checkProperty } from './checkProperty.js';
import { readOnlyInputs } from './readOnlyInputs.js';
import type { CorpusEntry } from './ci/corpus.js';
import { inShard, type Shard } from './shard.js';
import type { Scale } from '../shape/scale.js';
import type { ValuesMode } from '../check/valuesMode.js';
import { shapeProperties } from './shapeChecks.js';
import type { JobsFallback } from './jobs/jobsFallback.js';
import type { ShapeEntry } from '../shape/descriptor/shapeFile.js';
import { CoverageTally } from './coverage/coverageTally.js';
import { mergeRunCoverage, unreachedBoundaries, type RunCoverage } from './coverage/runCoverage.js';
import { unsupportedFeatures } from './checkProperty.js';

export const DEFAULT_SEED = 20261121;
export const DEFAULT_RUNS = 100;

export interface ConformanceOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** How large generated cases get (`shape.scale`); default 'default'. */
  readonly scale?: Scale;
  /** What values the cases carry (`num.values.exact`): 'exact' fills them so direct sums are judged bit for bit. */
  readonly values?: ValuesMode;
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
  /** 'exact' for an exact-mode run (`num.values.exact`); absent for default values. */
  readonly values?: Exclude<ValuesMode, 'default'>;
  readonly checks: CheckResult[];
  /** Which cells of each operator's configuration space the properties' cases exercised, and the boundaries missed (`kit.coverage`). */
  readonly coverage?: RunCoverage;
  /** Operators of an isolated adapter that timed out and were cut off for the rest of the run (`kit.protocol.breaker`). */
  readonly cutOff?: readonly string[];
  /** Set when the run was stopped early (`signal`): why, and how many checks it would have had. */
  readonly interrupted?: { readonly reason: string; readonly planned: number };
  /** Set when several jobs were asked for but the checks ran on one thread, and why (`kit.jobs.fallback`). */
  readonly jobsFallback?: JobsFallback;
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
  const fixtures = [...(options.fixtures ?? shippedFixtures()), ...(options.extraFixtures ?? [])];
  return new Set([...fixtures.map((f) => `golden/${f.id}`), ...runProperties(options).map((p) => p.id)]);
}

async function checkWithCorpus(adapter: Adapter, property: Property, seed: number, runs: number, scale: Scale, corpus: readonly CorpusEntry[], diagnose: boolean, tally?: CoverageTally, values: ValuesMode = 'default'): Promise<CheckResult> {
  for (const entry of corpus) {
    if (entry.id !== property.id) continue;
    const replayed = await checkProperty(adapter, property, { seed: entry.runSeed, runs, path: entry.path, kind: 'corpus', diagnose, ...(entry.scale !== undefined ? { scale: entry.scale } : {}), ...(entry.values !== undefined ? { values: entry.values } : {}) });
    // A path recorded before the property's generator changed no longer replays: it proves nothing either way.
    if (replayed.status === 'error' && replayed.detail?.['couldNotRun'] === true) continue;
    if (replayed.status === 'failed' || replayed.status === 'error') {
      return { ...replayed, message: `[corpus case from run seed ${entry.runSeed}] ${replayed.message ?? ''}` };
    }
  }
  return checkProperty(adapter, property, { seed, runs, scale, values, diagnose, ...(tally ? { tally } : {}) });
}

/**
 * `num.fingerprint`: when value comparisons of an operator with fingerprint cases (its record's fingerprintCalls) fail
 * under a direct declaration, measure once per operator what precision it behaves like and attach that to the
 * operator's failures, if it is other than the declared one.
 */
export async function addFingerprints(adapter: Adapter, checks: CheckResult[]): Promise<void> {
  const failing = new Map<OperatorRecord, number[]>();
  checks.forEach((c, i) => {
    const record = c.status === 'failed' && c.detail?.actual !== undefined ? operatorById(c.operator) : undefined;
    if (record?.fingerprintCalls !== undefined) failing.set(record, [...(failing.get(record) ?? []), i]);
  });
  for (const [record, indices] of failing) {
    if (declarationFor(adapter, record.name).algorithm !== 'direct') continue;
    const fingerprint = await measureFingerprint(adapter, record);
    const like = fingerprint?.behavesLike;
    if (fingerprint == null || (like != null && like.storage === fingerprint.declared.storage && like.accumulate === fingerprint.declared.accumulate)) continue;
    for (const i of indices) checks[i] = { ...checks[i]!, fingerprint };
  }
}

/**
 * One property's coverage (`kit.coverage`): the cells its cases' calls exercised, and a warning for each
 * boundary it declares that they never reached — when it passed on every case it drew. A failed property
 * stopped early, and an adapter that declared features unsupported had cases filtered out.
 */
function propertyCoverage(property: Property, result: CheckResult, tally: CoverageTally, filtered: boolean): RunCoverage {
  const operators = tally.coverage();
  const judged = result.status === 'passed' && !filtered && property.boundaries !== undefined;
  return { operators, warnings: judged ? unreachedBoundaries(property.id, { [property.operator]: property.boundaries! }, operators) : [] };
}

/** One check of a run, in report order: a golden fixture or a property. */
export type PlannedCheck =
  | { readonly kind: 'fixture'; readonly id: string; readonly fixture: Fixture }
  | { readonly kind: 'property'; readonly id: string; readonly property: Property };

type PlanSelection = Pick<ConformanceOptions, 'only' | 'shard' | 'fixtures' | 'extraFixtures'> & PropertySelection;

/**
 * The checks a run makes, in report order (fixtures, then properties, then shape checks), after --only and
 * --shard. A pure function of the options: the check workers of src/kit/jobs plan the same list from them.
 */
export function plannedChecks(options: PlanSelection = {}): PlannedCheck[] {
  const matches = matcher(options.only);
  const selected = (id: string) => matches(id) && inShard(id, options.shard);
  const fixtures = [...(options.fixtures ?? shippedFixtures()), ...(options.extraFixtures ?? [])].filter((f) => selected(`golden/${f.id}`));
  const properties = runProperties(options).filter((p) => selected(p.id));
  return [
    ...fixtures.map((fixture): PlannedCheck => ({ kind: 'fixture', id: `golden/${fixture.id}`, fixture })),
    ...properties.map((property): PlannedCheck => ({ kind: 'property', id: property.id, property })),
  ];
}

/** The identity fields of a planned check's result, for a check that could not report itself (its worker died). */
export function plannedCheckBase(check: PlannedCheck): Pick<CheckResult, 'id' | 'kind' | 'operator' | 'family' | 'clauses' | 'fixturePath'> {
  if (check.kind === 'fixture') return goldenBase(check.fixture);
  const p = check.property;
  return { id: p.id, kind: 'property', operator: p.operator, family: p.family, clauses: p.clauses };
}

/** What every check of one run shares. */
export interface CheckSettings {
  readonly seed: number;
  readonly runs: number;
  readonly scale: Scale;
  readonly values: ValuesMode;
  readonly corpus: readonly CorpusEntry[];
  /** Diagnose failed properties (`kit.diagnosis.conventions`). */
  readonly diagnose: boolean;
}

export function checkSettings(options: ConformanceOptions): CheckSettings {
  return { seed: options.seed ?? DEFAULT_SEED, runs: options.runs ?? DEFAULT_RUNS, scale: options.scale ?? 'default', values: options.values ?? 'default', corpus: options.corpus ?? [], diagnose: options.diagnose ?? false };
}

/** A planned check's result, and for a property the coverage of the calls its cases made (`kit.coverage`). */
export interface PlannedOutcome {
  readonly result: CheckResult;
  readonly coverage?: RunCoverage;
}

/** Runs one planned check (a property replays its corpus entries first); `adapter` is already read-only-wrapped. */
export async function runPlannedCheck(adapter: Adapter, check: PlannedCheck, s: CheckSettings): Promise<PlannedOutcome> {
  if (check.kind === 'fixture') return { result: await checkFixture(adapter, check.fixture) };
  const tally = new CoverageTally();
  const result = await checkWithCorpus(adapter, check.property, s.seed, s.runs, s.scale, s.corpus, s.diagnose, tally, s.values);
  return { result, coverage: propertyCoverage(check.property, result, tally, unsupportedFeatures(adapter).size > 0) };
}

/**
 * The report's coverage from its properties' outcomes, merged in plan order whichever thread ran them (so
 * `--jobs N` reports the same, `kit.jobs.same-report`); absent when the run planned no property.
 */
export function runCoverage(planned: readonly PlannedCheck[], coverages: readonly RunCoverage[]): Pick<ConformanceReport, 'coverage'> {
  return planned.some((c) => c.kind === 'property') ? { coverage: mergeRunCoverage(coverages) } : {};
}

/** The report's fields besides the checks, the same whichever way the checks were run. */
export function reportHead(adapter: Pick<Adapter, 'name' | 'dtype'>, options: ConformanceOptions): Pick<ConformanceReport, 'adapter' | 'dtype' | 'seed' | 'runs' | 'scale' | 'values'> {
  const { seed, runs } = checkSettings(options);
  return { adapter: adapter.name, dtype: adapter.dtype, seed, runs, ...(options.scale !== undefined && options.scale !== 'default' ? { scale: options.scale } : {}), ...(options.values === 'exact' ? { values: 'exact' as const } : {}) };
}

export async function runConformance(given: Adapter, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const adapter = readOnlyInputs(given);
  const settings = checkSettings(options);
  const planned = plannedChecks(options);
  const total = planned.length;
  const checks: CheckResult[] = [];
  const stopped = () => options.signal?.aborted === true;
  const coverages: RunCoverage[] = [];
  for (const check of planned) {
    if (stopped()) break;
    const outcome = await runPlannedCheck(adapter, check, settings);
    // A check cut short by the stop (its adapter was killed) says nothing about the adapter: it is left out.
    if (stopped()) break;
    checks.push(outcome.result);
    if (outcome.coverage) coverages.push(outcome.coverage);
    options.onProgress?.(checks.length, total, outcome.result.id);
  }
  if (!stopped()) await addFingerprints(adapter, checks);
  const interrupted = stopped() ? { interrupted: { reason: String(options.signal!.reason), planned: total } } : {};
  const cutOff = isolationStatus(given)?.cutOff ?? [];
  return { ...reportHead(adapter, options), checks, ...runCoverage(planned, coverages), ...(cutOff.length > 0 ? { cutOff } : {}), ...interrupted };
}
