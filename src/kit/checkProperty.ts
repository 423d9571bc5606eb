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
import { isUnsupported } from '../adapter/unsupported.js';
import type { Property } from '../../properties/property.js';
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
  const arbitrary = caseFeatures && off.size > 0 ? property.arbitrary.filter((v) => !caseFeatures(v).some((f) => off.has(f))) : property.arbitrary;
  const numRuns = Math.min(options.runs, property.maxRuns ?? options.runs);
  // A timeout or crash of the adapter ends the property at once: shrinking would only wait for the same
  // timeout again and again. Later cases fail immediately and the case that hit it is reported.
  let fatal: { error: Error; value: unknown } | null = null;
  // A case the adapter answered `Unsupported` is skipped (fc.pre); when the first cases all are, the check is.
  const unsupported = { cases: 0, supported: 0, reason: '' };
  const predicate = async (value: unknown): Promise<void> => {
    if (fatal !== null) throw fatal.error;
    const calls: OperatorCall[] = [];
    try {
      await adapterCallTrace.run(calls, () => property.predicate(adapter, value));
      unsupported.supported++;
    } catch (e) {
      if (isUnsupported(e)) {
        unsupported.cases++;
        unsupported.reason = e.message;
        if (unsupported.supported === 0 && unsupported.cases >= ALL_UNSUPPORTED_AFTER) fatal = { error: e, value };
        else fc.pre(false);
      } else {
        unsupported.supported++; // answered, wrongly or by throwing: not unsupported
      }
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
    // A defect in the property itself (its generator threw): reported, never allowed to stop the run.
    return { ...base, status: 'error', message: `property ${property.id} could not run: ${(e as Error).message}` };
  }
  if (unsupported.supported === 0 && unsupported.cases > 0) {
    return { ...base, status: 'skipped', message: `adapter ${adapter.name} answered every case unsupported: ${unsupported.reason}` };
  }
  if (!details.failed) return { ...base, status: 'passed' };
  const hit = fatal as { error: Error; value: unknown } | null;
  if (hit !== null) {
    return { ...base, status: 'error', counterexample: hit.value, message: `the adapter ${hit.error.name === 'AdapterTimeoutError' ? 'timed out' : 'crashed'}: ${hit.error.message}` };
  }
  const error = details.errorInstance;
  const counterexample = details.counterexample?.[0];
  const path = details.counterexamplePath ?? undefined;
  const common = { ...base, counterexample, ...(path !== undefined ? { path } : {}) };
  if (error instanceof PropertyFailure) {
    const calls = error.adapterCalls;
    const detail: CheckDetail = { ...(error.detail ?? {}), ...(calls.length > 0 ? { call: calls[calls.length - 1], calls } : {}) };
    return { ...common, status: 'failed', message: error.message, ...(Object.keys(detail).length > 0 ? { detail } : {}) };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `threw ${String(error)}`;
  return { ...common, status: 'error', message: `the adapter threw on a valid case: ${message}` };
}

/** Cases answered `Unsupported`, none supported, after which the check stops as skipped. */
export const ALL_UNSUPPORTED_AFTER = 20;

/** Errors after which the adapter's process or worker was restarted: not worth shrinking (see src/isolation). */
export function isFatalAdapterError(e: unknown): e is Error {
  return e instanceof Error && (e.name === 'AdapterTimeoutError' || e.name === 'AdapterCrashError');
}
