/**
 * The reference's answer for a call together with the per-element tolerance of spec/numerics.md
 * (`num.tolerance`): the same operator on |inputs| gives Σ|xᵢ·wᵢ| for every output element.
 */
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { sumBound, type Dtype } from '../../src/check/tolerance.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { callReference } from '../callAdapter.js';
import { absTensor } from '../transforms/elementwise.js';

export interface Expectation {
  readonly expected: Tensor;
  readonly bound: (index: number) => number;
}

/** Products summed per output element of the call: the n of γ(n). */
export function termsPerOutput(call: OperatorCall): number {
  const { inputs, options } = call;
  const weight = inputs['weight'] ?? inputs['k'];
  switch (call.op) {
    case 'corr2d':
    case 'conv2d':
    case 'convTranspose2d': {
      const [, c = 1, kh = 1, kw = 1] = weight!.shape.length === 2 ? [1, 1, ...weight!.shape] : weight!.shape;
      const channels = call.op === 'convTranspose2d' ? weight!.shape[0]! / ((options['groups'] as number | undefined) ?? 1) : c;
      return channels * kh * kw + (inputs['bias'] ? 1 : 0);
    }
    case 'avgPool2d': {
      const k = options['kernelSize'] as number | [number, number];
      const [kh, kw] = Array.isArray(k) ? k : [k, k];
      return kh * kw + 1; // one division after the sum
    }
    default:
      return 0; // pad2d, maxPool2d: no arithmetic (`num.exact`)
  }
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
