/**
 * The reference, exposed through the adapter contract so every check runs on it exactly as on any other
 * implementation. Built from the operator records (src/operators/): each forward method calls its record's
 * float64 reference, each backward method its vector-Jacobian product. Arguments are validated at the
 * boundary (`tensor.data.length`) and results are Float64Array.
 */
import type { Adapter } from './contract.js';
import { OPERATORS } from '../operators/index.js';
import { callFromArguments } from '../operators/signature.js';
import type { Tensor } from '../tensor/tensor.js';
import { toTensor, toTensorData } from '../tensor/tensorData.js';

function referenceAdapter(): Adapter {
  const adapter: Record<string, unknown> = { name: 'reference', dtype: 'float64' };
  for (const record of OPERATORS) {
    adapter[record.name] = (...args: unknown[]) => toTensorData(record.reference(callFromArguments(record.signature, record.name, args).call));
    const backward = record.backward;
    if (backward === undefined) continue;
    adapter[backward.method] = (...args: unknown[]) => {
      const { call, gradOutput } = callFromArguments(backward.signature, record.name, args);
      if (gradOutput === undefined) throw new TypeError(`${backward.method}: gradOutput is missing`);
      const grads = backward.reference(call, toTensor(gradOutput, backward.method, 'gradOutput'));
      if (backward.answers === 'input') return toTensorData(grads['input']!);
      // Absent gradients (no bias) are left out, not undefined (`grad.conv2d.bias`).
      return Object.fromEntries(Object.entries(grads).filter((e): e is [string, Tensor] => e[1] !== undefined).map(([k, t]) => [k, toTensorData(t)]));
    };
  }
  return adapter as unknown as Adapter;
}

export const reference: Adapter = referenceAdapter();
