/**
 * What a value mismatch compared, for reports to show side by side: expected, actual, their difference and
 * the tolerance. Tensors come from the check's `detail` (a property's PropertyFailure), the expected one also
 * from a golden fixture's counterexample; the tolerance from `detail.bound`, else from the message's
 * `but should be <expected> ± <bound>` (which states it for the first mismatching element).
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
  /** The tolerance as the message states it: `± 1.69e-21`, `exactly`, `±0`. */
  readonly toleranceText: string | null;
  /** The first mismatching element's multi-index, from the message (`conv2d[0, 0, 1, 2]=…`). */
  readonly firstMismatch: readonly number[] | null;
  readonly mismatches: number | null;
}

/** `what[0, 0, 1, 2]=got, but should be …` → [0, 0, 1, 2]. */
export function firstMismatchPosition(message: string): number[] | null {
  const what = message.replace(/^\[[^\]]*\] /, '').split('=')[0] ?? '';
  const m = /\[([\d, ]+)\]$/.exec(what);
  return m ? m[1]!.split(',').map((s) => Number(s.trim())) : null;
}

function toleranceFromMessage(message: string): string | null {
  const m = /but should be \S+ (± [-+.\deE]+|exactly)(?=[\s;)\]]|$)|\((±[-+.\deE]+);/.exec(message);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

export function failureComparison(check: CheckResult): FailureComparison {
  const detail = check.detail ?? {};
  const cx = check.counterexample as Record<string, unknown> | undefined;
  const expected = asReportTensor(detail.expected) ?? asReportTensor(cx?.['expected']);
  const actual = asReportTensor(detail.actual);
  const bound = typeof detail.bound === 'number' ? detail.bound : asReportTensor(detail.bound);
  const message = check.message ?? '';
  return {
    expected,
    actual,
    difference: expected && actual ? difference(actual, expected) : null,
    bound,
    toleranceText: toleranceFromMessage(message),
    firstMismatch: firstMismatchPosition(message),
    mismatches: typeof detail.mismatches === 'number' ? detail.mismatches : Number(/(\d+) of \d+ elements differ/.exec(message)?.[1] ?? NaN) || null,
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
