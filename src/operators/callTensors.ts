/** A call's tensor inputs as validated float64 tensors, for the reference (`tensor.data.length`, `tensor.data.type`). */
import type { TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { Tensor } from '../tensor/tensor.js';
import { toTensor } from '../tensor/tensorData.js';

export function inputTensor(call: OperatorCall, name: string, method: string = call.op): Tensor {
  const t = call.inputs[name];
  if (t === undefined || t === null) throw new TypeError(`${method} call: input ${name} is missing`);
  return toTensor(t, method, name);
}

export function optionalInputTensor(call: OperatorCall, name: string, method: string = call.op): Tensor | null {
  const t = call.inputs[name];
  return t === undefined || t === null ? null : toTensor(t, method, name);
}

/** |t|, element by element. */
export function absoluteTensor(t: TensorData): TensorData {
  return { shape: [...t.shape], data: Float64Array.from(t.data, Math.abs) };
}

/** The same call with every tensor input replaced by its absolute values (Σ|x·w| for the tolerance). */
export function absoluteCall(call: OperatorCall): OperatorCall {
  return { ...call, inputs: Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, t === null ? null : absoluteTensor(t)])) };
}
