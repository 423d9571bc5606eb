/**
 * Runs one property against one adapter with fast-check and turns the outcome into a CheckResult: skipped
 * when the adapter lacks an operator or declared a needed feature unsupported; failed with the shrunk
 * counterexample, the adapter calls it made and its replay record; error when the adapter threw (or returned a
 * malformed tensor) rather than answering wrongly.
 */
import fc from 'fast-check';
import type { Adapter, Feature } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { RecordedCall } from '../adapter/recordedCall.js';
import type { CheckDetail, CheckKind, CheckResult } from '../check/checkResult.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';
import { isUnsupported } from '../adapter/unsupported.js';
import type { Property } from '../../properties/property.js';
import { isAdapterFailure } from '../errors/adapterFailure.js';
import { boundText, thrownNonError } from '../errors/boundedText.js';
import { ANCHORED_FAMILIES, anchorFailure } from './anchorCheck.js';
import { confirmFailure, ShrinkBudget, type Outcome } from './confirmFailure.js';
import { featureFilter, MAX_REJECTIONS, NoCaseCanBeDrawn, type FilterTally } from './featureFilter.js';
import { answerCollector, HealthCounts, vacuity } from './health/caseHealth.js';
import { vacuousMessage } from './health/vacuousMessage.js';
import { propertySeed } from './propertySeed.js';
import { recordingAdapter } from '../adapter/recordingAdapter.js';
import { diagnoseFailure } from './diagnosis/diagnoseFailure.js';
import type { Scale } from '../shape/scale.js';
import type { ValuesMode } from '../check/valuesMode.js';
import { exactCase, exactFillFor } from '../check/valuesExact.js';
import type { CoverageTally } from './coverage/coverageTally.js';

export interface PropertyRunOptions {
  /** The run seed; the property's own seed derives from it and the property's id. */
  readonly seed: number;
  readonly runs: number;
  /** fast-check's replay path: re-runs exactly the recorded failing case. */
  readonly path?: string;
  /** 'corpus' when the path comes from the counterexample corpus. */
  readonly kind?: Extract<CheckKind, 'property' | 'corpus'>;
  /** How large the cases get (`shape.scale`); default 'default'. Part of what a replay path means. */
  readonly scale?: Scale;
  /** What values the cases carry (`num.values.exact`); default 'default'. Part of what a replay path means too. */
  readonly values?: ValuesMode;
  /**
   * Diagnose a failure (`kit.diagnosis.conventions`, `kit.diagnosis.explain`): name the conventions it follows and
   * what it depends on. Off by default in the API (it costs up to DIAGNOSIS_BUDGET_MS per failed check); `convkit
   * run` turns it on.
   */
  readonly diagnose?: boolean;
  /** Counts the cells the cases' calls exercise (`kit.coverage`): every case up to the first failure, not the shrinking. */
  readonly tally?: CoverageTally;
}

export function unsupportedFeatures(adapter: Adapter): Set<Feature> {
  const declared = adapter.supports?.features ?? {};
  return new Set(Object.entries(declared).filter(([, v]) => v === false).map(([k]) => k as Feature));
}

export function missingRequirement(adapter: Adapter, property: Property): string | null {
  const missingOps = property.requires.ops.filter((op) => typeof adapter[op] !== 'function');
  if (missingOps.length > 0) return `adapter ${adapter.name} does not implement ${missingOps.join(', ')}`;
  const off = unsupportedFeatures(adapter);
  const missingFeatures = (property.requires.features ?? []).filter((f) => off.has(f));
  if (missingFeatures.length > 0) return `adapter ${adapter.name} declares ${missingFeatures.join(', ')} unsupported`;
  return null;
}

/** The calls each failing case made, keyed by the error it threw (fast-check hands back the shrunk case's error). */
type CallLog = WeakMap<object, RecordedCall[]>;

export async function checkProperty(adapter: Adapter, property: Property, options: PropertyRunOptions): Promise<CheckResult> {
  const seed = propertySeed(options.seed, property.id);
  const base = { id: property.id, kind: options.kind ?? 'property', operator: property.operator, family: property.family, clauses: property.clauses };
  const missing = missingRequirement(adapter, property);
  if (missing !== null) return { ...base, status: 'skipped', message: missing };

  const off = unsupportedFeatures(adapter);
  const caseFeatures = property.caseFeatures;
  const cases = caseArbitrary(adapter, property, options);
  const filterTally: FilterTally = { accepted: 0, rejected: 0 };
  const arbitrary = caseFeatures && off.size > 0 ? featureFilter(cases, caseFeatures, off, MAX_REJECTIONS, filterTally) : cases;
  const health = new HealthCounts();
  const numRuns = Math.min(options.runs, property.maxRuns ?? options.runs);
  const log: CallLog = new WeakMap();
  // A timeout or crash of the adapter ends the property at once: shrinking would only wait for the same
  // timeout again and again. Later cases fail immediately and the case that hit it is reported.
  let fatal: { error: Error; value: unknown; calls: RecordedCall[] } | null = null;
  const budget = new ShrinkBudget();
  let failedOnce = false; // after the first failure the cases are shrink candidates, which the coverage leaves out
  let anchorCall: OperatorCall | undefined; // the first forward call of the first passing case, for the anchor
  // A case the adapter answered `Unsupported` is skipped (fc.pre); when the first cases all are, the check is.
  const unsupported = { cases: 0, supported: 0, reason: '' };
  const predicate = async (value: unknown): Promise<void> => {
    if (fatal !== null) throw fatal.error;
    if (budget.exhausted()) return; // past the shrink bound: the candidate is not run
    const recorder = recordingAdapter(adapter);
    const collector = answerCollector(recorder.adapter);
    const tally = failedOnce ? undefined : options.tally;
    try {
      await property.predicate(collector.adapter, value);
      health.passedCase(collector.answers, property.exercises?.(value));
      if (tally) for (const c of recorder.calls) tally.observe(c.call);
      unsupported.supported++;
      anchorCall ??= recorder.calls.find((c) => c.method === c.call.op)?.call;
    } catch (e) {
      if (!isUnsupported(e)) {
        if (tally) for (const c of recorder.calls) tally.observe(c.call);
        failedOnce = true;
      }
      budget.failed();
      if (isUnsupported(e)) {
        unsupported.cases++;
        unsupported.reason = e.message;
        if (unsupported.supported === 0 && unsupported.cases >= ALL_UNSUPPORTED_AFTER) fatal = { error: e, value, calls: recorder.calls };
        else fc.pre(false);
      } else {
        unsupported.supported++; // answered, wrongly or by throwing: not unsupported
      }
      // A thrown non-Error is wrapped so its calls can be keyed by it; its description is kept as the message.
      const error = e instanceof Error ? e : new ThrownNonError(thrownNonError(e));
      if (isFatalAdapterError(error)) fatal = { error, value, calls: recorder.calls };
      log.set(error, recorder.calls);
      throw error;
    }
  };
  const replayPath = options.path;
  let details: fc.RunDetails<[unknown]>;
  try {
    details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed, numRuns, ...(replayPath !== undefined ? { path: replayPath, endOnFailure: true } : {}) });
  } catch (e) {
    if (e instanceof NoCaseCanBeDrawn) return { ...base, status: 'skipped', message: `adapter ${adapter.name}: ${e.message}` };
    // A defect in the property itself (its generator threw): reported, never allowed to stop the run.
    return { ...base, status: 'error', message: `property ${property.id} could not run: ${(e as Error).message}`, detail: { couldNotRun: true } };
  }
  if (unsupported.supported === 0 && unsupported.cases > 0) {
    return { ...base, status: 'skipped', message: `adapter ${adapter.name} answered every case unsupported: ${unsupported.reason}` };
  }
  if (!details.failed) {
    const result = await anchored(adapter, ANCHORED_FAMILIES.has(property.family) ? anchorCall : undefined, base, options.diagnose === true);
    // A replayed path runs one case: too few to judge (`kit.health.vacuous` judges a run of random cases).
    if (result.status !== 'passed' || replayPath !== undefined) return result;
    health.skippedByFeatures = filterTally.rejected;
    health.candidates = filterTally.accepted + filterTally.rejected;
    const problem = vacuity(health, { constantAnswers: property.constantAnswers === true, declaresFeature: property.exercises !== undefined, discarded: details.numSkips, unsupported: unsupported.cases });
    return problem === null ? result : { ...result, status: 'vacuous', health: problem, message: vacuousMessage(problem) };
  }
  const path = details.counterexamplePath ?? replayPath;
  const replay = { runSeed: options.seed, ...(path !== undefined && path !== null ? { path } : {}), ...(options.scale !== undefined && options.scale !== 'default' ? { scale: options.scale } : {}), ...(options.values === 'exact' ? { values: 'exact' as const } : {}) };
  const hit = fatal as { error: Error; value: unknown; calls: RecordedCall[] } | null;
  if (hit !== null) {
    return {
      ...base,
      status: 'error',
      counterexample: hit.value,
      replay,
      message: `the adapter ${hit.error.name === 'AdapterTimeoutError' ? 'timed out' : 'crashed'}: ${hit.error.message}`,
      ...(hit.calls.length > 0 ? { detail: { calls: hit.calls } } : {}),
    };
  }
  const error = details.errorInstance;
  const calls = (typeof error === 'object' && error !== null ? log.get(error) : undefined) ?? [];
  const counterexample = details.counterexample?.[0];
  const common = { ...base, counterexample, replay };
  const confirmation = await confirmFailure(adapter, { passed: false, message: outcomeText(error) }, () => runOnce(adapter, property, counterexample));
  if (confirmation.verdict !== 'confirmed') return { ...common, status: 'error', message: confirmation.message!, detail: { answers: confirmation.answers, ...(calls.length > 0 ? { calls } : {}) } };
  const bound = budget.hit ? `[shrinking stopped at its bound of ${budget.bound} steps: this case may not be the smallest] ` : '';
  if (error instanceof PropertyFailure) {
    const detail: CheckDetail = { ...(error.detail ?? {}), ...(calls.length > 0 ? { calls } : {}) };
    const diagnosis = options.diagnose === true ? await diagnosed(adapter, calls) : {};
    return { ...common, status: 'failed', brokenClause: error.clause, message: `${bound}${error.message}`, ...(Object.keys(detail).length > 0 ? { detail } : {}), ...diagnosis };
  }
  const message = error instanceof ThrownNonError ? error.message : error instanceof Error ? `${error.name}: ${boundText(error.message)}` : thrownNonError(error);
  return { ...common, status: 'error', message: `${bound}the adapter threw on a valid case: ${message}`, ...(calls.length > 0 ? { detail: { calls } } : {}) };
}

/**
 * The property's cases at the run's scale; in exact mode with every tensor under the exact fill of the adapter's
 * declarations for the property's operators (`num.values.exact.fill`), unless the property keeps its own values.
 */
function caseArbitrary(adapter: Adapter, property: Property, options: PropertyRunOptions): fc.Arbitrary<unknown> {
  const cases = property.arbitrary(options.scale ?? 'default');
  if (options.values !== 'exact' || property.ownValues === true) return cases;
  const fill = exactFillFor(adapter, property.requires.ops);
  return cases.map((c) => exactCase(c, fill));
}

/** A passed property, unless its first call disagrees with the reference (anchorCheck.ts). */
async function anchored(adapter: Adapter, call: OperatorCall | undefined, base: Pick<CheckResult, 'id' | 'kind' | 'operator' | 'family' | 'clauses'>, diagnose: boolean): Promise<CheckResult> {
  if (call === undefined) return { ...base, status: 'passed' };
  try {
    const failure = await anchorFailure(adapter, call);
    if (failure === null) return { ...base, status: 'passed' };
    const calls = [{ method: call.op, call }];
    const detail: CheckDetail = { ...(failure.detail ?? {}), calls };
    return { ...base, status: 'failed', brokenClause: failure.clause, counterexample: call, message: failure.message, detail, ...(diagnose ? await diagnosed(adapter, calls) : {}) };
  } catch (e) {
    return { ...base, status: 'error', counterexample: call, message: `the adapter threw on the anchor call (its first call, checked against the reference): ${outcomeText(e)}` };
  }
}

/** The diagnosis of a failure's calls, as a field to spread into its result (none when it found nothing to say). */
async function diagnosed(adapter: Adapter, calls: readonly RecordedCall[]): Promise<Pick<CheckResult, 'diagnosis'>> {
  const diagnosis = await diagnoseFailure(adapter, calls);
  return diagnosis === undefined ? {} : { diagnosis };
}

/** A failure's answer as text, the same for the first run and the confirming one. */
function outcomeText(error: unknown): string {
  if (error instanceof ThrownNonError) return error.message;
  return error instanceof Error ? `${error.name}: ${boundText(error.message)}` : thrownNonError(error);
}

/** One more run of a case, for confirmFailure. */
async function runOnce(adapter: Adapter, property: Property, value: unknown): Promise<Outcome> {
  try {
    await property.predicate(adapter, value);
    return { passed: true };
  } catch (e) {
    return { passed: false, message: outcomeText(e) };
  }
}

class ThrownNonError extends Error {
  override name = 'ThrownNonError';
}

/** Cases answered `Unsupported`, none supported, after which the check stops as skipped. */
export const ALL_UNSUPPORTED_AFTER = 20;

/** Errors after which the adapter's process or worker was restarted: not worth shrinking (see src/isolation). */
export function isFatalAdapterError(e: unknown): e is Error {
  return isAdapterFailure(e);
}
