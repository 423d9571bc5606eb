/**
 * What a value mismatch compared, for reports to show side by side: expected, actual, their difference and
 * the tolerance. Tensors come from the check's `detail` (a property's PropertyFailure), the expected one also
 * from a golden fixture's counterexample; the tolerance, the first mismatch and the count from the detail
 * too. Nothing is read back out of the message.
 */
import type { CheckResult } from '../../check/checkResult.js';
import { asReportTensor, difference, type ReportTensor } from './reportTensor.js';

export interface FailureComparison {
  readonly expected: ReportTensor | null;
  readonly actual: ReportTensor | null;
  /** actual − expected, when both are there with one shape. */
  readonly difference: ReportTensor | null;
  /** One bound for every element, or one per element. */
  readonly bound: number | ReportTensor | null;
  /** The tolerance as text: `± 1.69e-21`, `exactly`. */
  readonly toleranceText: string | null;
  /** The first mismatching element's multi-index (`detail.position`). */
  readonly firstMismatch: readonly number[] | null;
  readonly mismatches: number | null;
}

export function failureComparison(check: CheckResult): FailureComparison {
  const detail = check.detail ?? {};
  const cx = check.counterexample as Record<string, unknown> | undefined;
  const expected = asReportTensor(detail.expected) ?? asReportTensor(cx?.['expected']);
  const actual = asReportTensor(detail.actual);
  const bound = typeof detail.bound === 'number' ? detail.bound : asReportTensor(detail.bound);
  const position = Array.isArray(detail.position) ? detail.position.filter((v): v is number => typeof v === 'number') : null;
  return {
    expected,
    actual,
    difference: expected && actual ? difference(actual, expected) : null,
    bound,
    toleranceText: typeof detail.bound === 'number' ? (detail.bound === 0 ? 'exactly' : `± ${detail.bound.toPrecision(3)}`) : null,
    firstMismatch: position,
    mismatches: typeof detail.mismatches === 'number' ? detail.mismatches : null,
  };
}

/** The flat index of a multi-index in a shape, or −1 when it does not fit. */
export function flatIndex(position: readonly number[], shape: readonly number[]): number {
  if (position.length !== shape.length) return -1;
  let index = 0;
  for (let d = 0; d < shape.length; d++) {
    if (position[d]! < 0 || position[d]! >= shape[d]!) return -1;
    index = index * shape[d]! + position[d]!;
  }
  return index;
}

/**
 * Whether element i is outside its tolerance: |difference| > bound when the bound is known; otherwise only
 * the message's first mismatch is known to be.
 */
export function isMismatch(c: FailureComparison, i: number): boolean {
  const d = c.difference?.data[i];
  if (d === undefined) return false;
  if (c.bound !== null) {
    const b = typeof c.bound === 'number' ? c.bound : (c.bound.data[i] ?? 0);
    return Number.isNaN(d) || Math.abs(d) > b;
  }
  return c.firstMismatch !== null && c.difference !== null && flatIndex(c.firstMismatch, c.difference.shape) === i;
}
