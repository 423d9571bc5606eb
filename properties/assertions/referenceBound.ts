/**
 * The reference's answer for a call together with the per-element tolerance of spec/numerics.md
 * (`num.tolerance`): the same operator on |inputs| gives Σ|xᵢ·wᵢ| for every output element.
 */
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { operatorRecord } from '../../src/operators/index.js';
import { sumBound, type Dtype } from '../../src/check/tolerance.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { callReference } from '../callAdapter.js';
import { absTensor } from '../transforms/elementwise.js';

export interface Expectation {
  readonly expected: Tensor;
  readonly bound: (index: number) => number;
}

/** Products summed per output element of the call: the n of γ(n), from the operator's record. */
export function termsPerOutput(call: OperatorCall): number {
  return operatorRecord(call.op).terms(call);
}

export async function referenceWithBound(call: OperatorCall, dtype: Dtype): Promise<Expectation> {
  const expected = await callReference(call);
  const terms = termsPerOutput(call);
  if (terms === 0) return { expected, bound: () => 0 };
  const absInputs: Record<string, TensorData | null> = {};
  for (const [k, t] of Object.entries(call.inputs)) absInputs[k] = t === null ? null : absTensor(t);
  const absSums = await callReference({ ...call, inputs: absInputs });
  return { expected, bound: (i) => sumBound(terms, absSums.data[i]!, dtype) };
}
