/**
 * Element-wise comparison of an actual tensor with an expected one under a per-element bound. NaN matches
 * only NaN and an infinity only the same infinity (spec/numerics.md, `num.nan-propagation`); a bound of 0
 * means bit-for-bit up to the sign of zero (`num.exact`).
 */
import type { Tensor } from '../tensor/tensor.js';

export interface Mismatch {
  readonly index: number;
  /** The element's multi-index, e.g. [0, 0, 2, 3]. */
  readonly position: number[];
  readonly actual: number;
  readonly expected: number;
  readonly bound: number;
}

export interface Comparison {
  readonly ok: boolean;
  readonly shapeMatches: boolean;
  readonly mismatches: number;
  readonly first: Mismatch | null;
  /** The largest |actual − expected| over finite pairs. */
  readonly maxError: number;
}

export function unravel(index: number, shape: readonly number[]): number[] {
  const position = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    position[d] = index % size;
    index = Math.floor(index / size);
  }
  return position;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * `blockNonFinite`, given for a transform algorithm (Winograd, FFT), relaxes the IEEE rule to
 * `num.nan-locality`: where the reference is non-finite any non-finite value matches (∞ − ∞ inside a transform
 * makes NaN of an ∞), and where the element's transform block holds a non-finite input a non-finite value is
 * allowed too; an element of a clean block must still be finite and within its bound.
 */
export function compareTensors(actual: Tensor, expected: Tensor, bound: (index: number) => number, blockNonFinite?: (index: number) => boolean): Comparison {
  if (!sameShape(actual.shape, expected.shape)) return { ok: false, shapeMatches: false, mismatches: 0, first: null, maxError: Infinity };
  let mismatches = 0;
  let first: Mismatch | null = null;
  let maxError = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i]!;
    const e = expected.data[i]!;
    const b = bound(i);
    let ok: boolean;
    if (blockNonFinite !== undefined && !Number.isFinite(a) && (!Number.isFinite(e) || blockNonFinite(i))) ok = true;
    else if (Number.isNaN(e) || Number.isNaN(a)) ok = Number.isNaN(e) && Number.isNaN(a);
    else if (!Number.isFinite(e) || !Number.isFinite(a)) ok = a === e;
    else {
      const err = Math.abs(a - e);
      maxError = Math.max(maxError, err);
      ok = err <= b;
    }
    if (!ok) {
      mismatches++;
      first ??= { index: i, position: unravel(i, expected.shape), actual: a, expected: e, bound: b };
    }
  }
  return { ok: mismatches === 0, shapeMatches: true, mismatches, first, maxError };
}
