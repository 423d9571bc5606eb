/**
 * The reference's answer for a call together with the per-element tolerance of spec/numerics.md
 * (`num.tolerance`): the operator record's one-pass reference gives the result and Σ|xᵢ·wᵢ| for every output
 * element together (the same values as the operator on |inputs|, without a second call).
 */
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { operatorRecord } from '../../src/operators/index.js';
import { sumBound, type Dtype } from '../../src/check/tolerance.js';
import type { Tensor } from '../../src/tensor/tensor.js';

export interface Expectation {
  readonly expected: Tensor;
  readonly bound: (index: number) => number;
}

/** Products summed per output element of the call: the n of γ(n), from the operator's record. */
export function termsPerOutput(call: OperatorCall): number {
  return operatorRecord(call.op).terms(call);
}

export async function referenceWithBound(call: OperatorCall, dtype: Dtype): Promise<Expectation> {
  const record = operatorRecord(call.op);
  // A fresh tensor of the reference's own (not traced: the reproduction repeats the adapter's calls only).
  const { result: expected, absSum } = record.referenceWithAbsSum(call);
  const terms = record.terms(call);
  if (terms === 0) return { expected, bound: () => 0 };
  if (absSum === null) throw new Error(`${call.op}: the record's referenceWithAbsSum gives no absolute sum, but the call sums ${terms} terms (num.tolerance)`);
  return { expected, bound: (i) => sumBound(terms, absSum.data[i]!, dtype) };
}
