/**
 * Runs one property against one adapter with fast-check and turns the outcome into a CheckResult: skipped
 * when the adapter lacks an operator or declared a needed feature unsupported; failed with the shrunk
 * counterexample, seed and replay path; error when the adapter threw (or returned a malformed tensor) rather
 * than answering wrongly.
 */
import fc from 'fast-check';
import type { Adapter, Feature } from '../adapter/contract.js';
import type { CheckDetail, CheckResult } from '../check/checkResult.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';
import { adapterCallTrace } from '../../properties/callAdapter.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { Property } from '../../properties/property.js';
import { isAdapterFailure } from '../errors/adapterFailure.js';
import { boundText, thrownNonError } from '../errors/boundedText.js';
import { anchorFailure } from './anchorCheck.js';
import { confirmFailure, ShrinkBudget, type Outcome } from './confirmFailure.js';
import { featureFilter, NoCaseCanBeDrawn } from './featureFilter.js';
import { propertySeed } from './propertySeed.js';

export interface PropertyRunOptions {
  readonly seed: number;
  readonly runs: number;
  /** fast-check's replay path: re-runs exactly the recorded failing case. */
  readonly path?: string;
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

export async function checkProperty(adapter: Adapter, property: Property, options: PropertyRunOptions): Promise<CheckResult> {
  const seed = propertySeed(options.seed, property.id);
  const base = { id: property.id, clauses: property.clauses, seed };
  const missing = missingRequirement(adapter, property);
  if (missing !== null) return { ...base, status: 'skipped', message: missing };

  const off = unsupportedFeatures(adapter);
  const caseFeatures = property.caseFeatures;
  const arbitrary = caseFeatures && off.size > 0 ? featureFilter(property.arbitrary, caseFeatures, off) : property.arbitrary;
  const numRuns = Math.min(options.runs, property.maxRuns ?? options.runs);
  // A timeout or crash of the adapter ends the property at once: shrinking would only wait for the same
  // timeout again and again. Later cases fail immediately and the case that hit it is reported.
  let fatal: { error: Error; value: unknown } | null = null;
  const budget = new ShrinkBudget();
  let anchorCall: OperatorCall | undefined; // the first call of the first passing case, for the anchor
  const predicate = async (value: unknown): Promise<void> => {
    if (fatal !== null) throw fatal.error;
    if (budget.exhausted()) return; // past the shrink bound: the candidate is not run
    const calls: OperatorCall[] = [];
    try {
      await adapterCallTrace.run(calls, () => property.predicate(adapter, value));
      anchorCall ??= calls[0];
    } catch (e) {
      budget.failed();
      if (isFatalAdapterError(e)) fatal = { error: e, value };
      if (e instanceof PropertyFailure) e.adapterCalls = calls;
      throw e;
    }
  };
  let details: fc.RunDetails<[unknown]>;
  try {
    details = await fc.check(
      fc.asyncProperty(arbitrary, predicate),
      { seed, numRuns, ...(options.path !== undefined ? { path: options.path, endOnFailure: true } : {}) },
    );
  } catch (e) {
    if (e instanceof NoCaseCanBeDrawn) return { ...base, status: 'skipped', message: `adapter ${adapter.name}: ${e.message}` };
    // A defect in the property itself (its generator threw): reported, never allowed to stop the run.
    return { ...base, status: 'error', message: `property ${property.id} could not run: ${(e as Error).message}` };
  }
  if (!details.failed) return anchored(adapter, anchorCall, base);
  const hit = fatal as { error: Error; value: unknown } | null;
  if (hit !== null) {
    return { ...base, status: 'error', counterexample: hit.value, message: `the adapter ${hit.error.name === 'AdapterTimeoutError' ? 'timed out' : 'crashed'}: ${hit.error.message}` };
  }
  const error = details.errorInstance;
  const counterexample = details.counterexample?.[0];
  const path = details.counterexamplePath ?? undefined;
  const common = { ...base, counterexample, ...(path !== undefined ? { path } : {}) };
  const confirmation = await confirmFailure(adapter, { passed: false, message: outcomeText(error) }, () => runOnce(adapter, property, counterexample));
  if (confirmation.verdict !== 'confirmed') return { ...common, status: 'error', message: confirmation.message!, detail: { answers: confirmation.answers } };
  const bound = budget.hit ? `[shrinking stopped at its bound of ${budget.bound} steps: this case may not be the smallest] ` : '';
  if (error instanceof PropertyFailure) {
    const calls = error.adapterCalls;
    const detail: CheckDetail = { ...(error.detail ?? {}), ...(calls.length > 0 ? { call: calls[calls.length - 1], calls } : {}) };
    return { ...common, status: 'failed', message: `${bound}${error.message}`, ...(Object.keys(detail).length > 0 ? { detail } : {}) };
  }
  const message = error instanceof Error ? `${error.name}: ${boundText(error.message)}` : thrownNonError(error);
  return { ...common, status: 'error', message: `${bound}the adapter threw on a valid case: ${message}` };
}

/** A passed property, unless its first call disagrees with the reference (anchorCheck.ts). */
async function anchored(adapter: Adapter, call: OperatorCall | undefined, base: Pick<CheckResult, 'id' | 'clauses' | 'seed'>): Promise<CheckResult> {
  if (call === undefined) return { ...base, status: 'passed' };
  try {
    const failure = await anchorFailure(adapter, call);
    if (failure === null) return { ...base, status: 'passed' };
    const detail: CheckDetail = { ...(failure.detail ?? {}), call, calls: [call] };
    return { ...base, status: 'failed', counterexample: call, message: failure.message, detail };
  } catch (e) {
    return { ...base, status: 'error', counterexample: call, message: `the adapter threw on the anchor call (its first call, checked against the reference): ${outcomeText(e)}` };
  }
}

function outcomeText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${boundText(error.message)}` : thrownNonError(error);
}

/** One more run of a case, for confirmFailure. */
async function runOnce(adapter: Adapter, property: Property, value: unknown): Promise<Outcome> {
  try {
    await adapterCallTrace.run([], () => property.predicate(adapter, value));
    return { passed: true };
  } catch (e) {
    return { passed: false, message: outcomeText(e) };
  }
}

/** Errors after which the adapter's process or worker was restarted: not worth shrinking (see src/isolation). */
export function isFatalAdapterError(e: unknown): e is Error {
  return isAdapterFailure(e);
}
