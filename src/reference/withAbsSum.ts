/**
 * A reference result together with Σ|xᵢ·wᵢ| per output element, the absolute sum the tolerance scales with
 * (spec/numerics.md, `num.tolerance`), computed in the same pass as the result. Operators that compute nothing
 * (`num.exact`: copies and comparisons) have no absolute sum: null.
 */
import type { Tensor } from '../tensor/tensor.js';

export interface WithAbsSum {
  readonly result: Tensor;
  /** Same shape as result: the sum of the absolute values of the terms each output element adds up. */
  readonly absSum: Tensor | null;
}
