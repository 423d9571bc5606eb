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
 *
 * An adapter's declaration (`num.declaration`) widens it: inputs and outputs rounded to a coarser storage format
 * (`num.bound.storage`), sums in another accumulation format. The bound functions take (terms, absSum,
 * declaration), absSum being Σ(|xᵢ| + λ)(|wᵢ| + λ) with λ = storageShift(declaration).
 */
import type { Precision } from '../adapter/contract.js';
import { directIn, precisionRoundoff, smallestNormal, roundsInputs, type Declaration } from './declaredNumerics.js';

export type Dtype = 'float32' | 'float64';

export const TOLERANCE_C = 2;

export function unitRoundoff(dtype: Dtype | Precision): number {
  return precisionRoundoff(dtype);
}

export function gamma(n: number, dtype: Dtype | Precision): number {
  const nu = n * unitRoundoff(dtype);
  return nu < 1 ? nu / (1 - nu) : Infinity;
}

const declarationOf = (d: Dtype | Declaration): Declaration => (typeof d === 'string' ? directIn(d) : d);

/**
 * The storage part of `num.bound.storage`: ρ = (1 + u_s)² − 1 when both factors of a product are rounded to
 * storage (else 0), u_out = u_s when the sum is rounded once more to a storage format other than its accumulation
 * format (else 0).
 */
export function storageFactors(d: Declaration): { readonly rho: number; readonly uOut: number } {
  const us = precisionRoundoff(d.storage);
  return { rho: roundsInputs(d) ? (1 + us) ** 2 - 1 : 0, uOut: d.accumulate !== d.storage ? us : 0 };
}

/**
 * The bound for one element of a direct sum (`num.tolerance`, `num.bound.storage`): `terms` products summed
 * (a bias counts as one more term), `absSum` = Σ|xᵢ·wᵢ| (+ |bias|), shifted by storageShift when inputs are rounded.
 *
 *     [(1 + ρ)(1 + c·γ_acc(n))(1 + u_out) − 1]·S + u_out·λ
 *
 * ρ = (1 + u_s)² − 1 when both factors of a product are rounded to storage (else 0); u_out = u_s when the sum is
 * rounded once more to a storage format other than its accumulation format (else 0). With a dtype alone it is
 * c·γ(n)·S, today's bound.
 */
export function sumBound(terms: number, absSum: number, declaration: Dtype | Declaration): number {
  const d = declarationOf(declaration);
  const { rho, uOut } = storageFactors(d);
  const acc = TOLERANCE_C * gamma(Math.max(terms, 1), d.accumulate);
  const relative = rho === 0 && uOut === 0 ? acc : (1 + rho) * (1 + acc) * (1 + uOut) - 1;
  // An underflowing product in a coarse accumulation format is off by u_a·λ_a absolutely (`num.bound.storage`).
  const underflow = precisionRoundoff(d.accumulate) > precisionRoundoff('float32') ? Math.max(terms, 1) * precisionRoundoff(d.accumulate) * smallestNormal(d.accumulate) : 0;
  return relative * absSum + uOut * smallestNormal(d.storage) + underflow;
}

/**
 * The bound for an element nothing is summed into (`num.exact`, `num.bound.storage`): 0, or one storage
 * rounding u_s·(|y| + λ) when the declared storage rounds inputs.
 */
export function copyBound(value: number, declaration: Dtype | Declaration): number {
  const d = declarationOf(declaration);
  return roundsInputs(d) ? precisionRoundoff(d.storage) * (Math.abs(value) + smallestNormal(d.storage)) : 0;
}
