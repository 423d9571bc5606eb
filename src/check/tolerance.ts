/**
 * The tolerance model (spec/numerics.md, `num.tolerance`). An output that sums n products is compared with
 *
 *     |actual − expected| ≤ c · γ(n) · Σ|xᵢ·wᵢ|,   γ(n) = n·u / (1 − n·u),
 *
 * Higham's bound for recursive summation in any order (Accuracy and Stability of Numerical Algorithms, §3.1),
 * with u = 2⁻²⁴ for float32 and 2⁻⁵³ for float64. c = 2: one γ(n) for the adapter's own rounding and one for
 * the float64 reference it is compared with (or, when two results of the same adapter are compared, one for
 * each side). Σ|xᵢ·wᵢ| is the same operator run by the reference on |x| and |w|. Where no arithmetic happens
 * (shapes, padding, max pooling) the bound is 0 (`num.exact`).
 */
export type Dtype = 'float32' | 'float64';

export const TOLERANCE_C = 2;

export function unitRoundoff(dtype: Dtype): number {
  return dtype === 'float32' ? 2 ** -24 : 2 ** -53;
}

export function gamma(n: number, dtype: Dtype): number {
  const nu = n * unitRoundoff(dtype);
  return nu < 1 ? nu / (1 - nu) : Infinity;
}

/**
 * The bound for one element: `terms` products summed (a bias counts as one more term), `absSum` = Σ|xᵢ·wᵢ|
 * (+ |bias|). The float64 reference's own error is added for float32 adapters too, so c covers both sides.
 */
export function sumBound(terms: number, absSum: number, dtype: Dtype): number {
  return TOLERANCE_C * gamma(Math.max(terms, 1), dtype) * absSum;
}
