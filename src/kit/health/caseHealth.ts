/**
 * Health of a property's run (spec/conventions.md kit.health.vacuous): counts, per case, whether the adapter's
 * answers were trivial and whether the case had the property's feature, and per candidate whether it was filtered
 * away or skipped; then says whether the passed check is vacuous. After oneDNN benchdnn, which marks a case
 * MISTRUSTED when its outputs are mostly zero.
 */
import type { Adapter } from '../../adapter/contract.js';
import type { Health, VacuousReason } from '../../diagnosis/health.js';
import { ADAPTER_METHODS } from '../../operators/index.js';

/** A passed check is vacuous when more than this share of its cases (or candidates) proved nothing. */
export const VACUOUS_THRESHOLD = 0.5;
/**
 * For `skipped-by-features` the share must be larger: the filter draws again, so the check still ran its full
 * number of cases, only from a narrower space. An adapter that lacks three of conv2d's four padding modes (the
 * WebGPU example, the Python example, tfjs) skips about 75% of conv2d's candidates and still checks every zero-
 * padded configuration; only a check left with a sliver of its space (over 90% skipped) proved little.
 */
export const FEATURE_SKIP_THRESHOLD = 0.9;

const isTensor = (v: unknown): v is { shape: readonly number[]; data: ArrayLike<number> } =>
  typeof v === 'object' && v !== null && Array.isArray((v as { shape?: unknown }).shape) && typeof (v as { data?: { length?: unknown } }).data?.length === 'number';

/**
 * A tensor that tells nothing apart: empty, all zero, or of two or more elements all equal (NaN equal to NaN). One
 * nonzero element is not trivial: a 1 × 1 output of a 3 × 3 window still checks nine products.
 */
export function isTrivialTensor(t: { readonly data: ArrayLike<number> }): boolean {
  const n = t.data.length;
  if (n === 0) return true;
  const first = t.data[0]!;
  let allZero = true, allEqual = true;
  for (let i = 0; i < n; i++) {
    const v = t.data[i]!;
    if (v !== 0) allZero = false;
    if (!(v === first || (Number.isNaN(v) && Number.isNaN(first)))) allEqual = false;
  }
  return allZero || (n >= 2 && allEqual);
}

/** The tensors of one answer: a tensor, or the tensors of a backward's gradient record. */
function answerTensors(answer: unknown): { data: ArrayLike<number> }[] {
  if (isTensor(answer)) return [answer];
  if (typeof answer !== 'object' || answer === null) return [];
  return Object.values(answer).filter(isTensor);
}

/** The adapter with every answer's tensors kept in `answers` (reset per case by the caller). */
export function answerCollector(adapter: Adapter): { adapter: Adapter; answers: { data: ArrayLike<number> }[] } {
  const answers: { data: ArrayLike<number> }[] = [];
  const methods = new Set<string>(ADAPTER_METHODS);
  const proxy = new Proxy(adapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !methods.has(key) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const answer: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
        answers.push(...answerTensors(answer));
        return answer;
      };
    },
  });
  return { adapter: proxy, answers };
}

/** What one run of a property saw, counted as it goes. */
export class HealthCounts {
  /** Cases the predicate ran to the end without failing. */
  cases = 0;
  /** Of those, cases with at least one answered tensor, and those whose every answered tensor was trivial. */
  answered = 0;
  trivial = 0;
  /** Cases without the property's feature (Property.exercises), of the cases. */
  lacking = 0;
  /** Candidates the feature filter rejected (features the adapter declared unsupported). */
  skippedByFeatures = 0;
  /** Candidates the generator drew (accepted or rejected by the feature filter). */
  candidates = 0;

  /** One finished case: its answers, and whether it had the property's feature (undefined: not declared). */
  passedCase(answers: readonly { data: ArrayLike<number> }[], hasFeature: boolean | undefined): void {
    this.cases++;
    if (answers.length > 0) {
      this.answered++;
      if (answers.every(isTrivialTensor)) this.trivial++;
    }
    if (hasFeature === false) this.lacking++;
  }
}

export interface HealthOptions {
  /** The property's point is a constant answer (pooling a constant input): trivial outputs are expected. */
  readonly constantAnswers?: boolean;
  /** The property declares the feature it is about. */
  readonly declaresFeature?: boolean;
  /** fast-check's count of discarded candidates (fc.pre), of which `unsupported` were answers Unsupported. */
  readonly discarded: number;
  readonly unsupported: number;
}

const verdict = (reason: VacuousReason, part: number, whole: number, threshold = VACUOUS_THRESHOLD): Health | null =>
  whole > 0 && part / whole > threshold ? { reason, share: part / whole, threshold, cases: whole } : null;

/** The health problem of a passed run, or null when its cases proved something. The first reason found is given. */
export function vacuity(counts: HealthCounts, options: HealthOptions): Health | null {
  const filteredOut = options.discarded - options.unsupported;
  // Cases answered Unsupported are the adapter's own refusals, not declared features: they count for neither reason
  // (a check they all refuse is skipped; the rest still ran its full number of supported cases).
  return verdict('skipped-by-features', counts.skippedByFeatures, Math.max(counts.candidates, counts.cases), FEATURE_SKIP_THRESHOLD)
    ?? verdict('filtered', filteredOut, counts.cases + filteredOut)
    ?? (options.declaresFeature === true ? verdict('lacks-feature', counts.lacking, counts.cases) : null)
    ?? (options.constantAnswers === true ? null : verdict('trivial-outputs', counts.trivial, counts.answered));
}
