/**
 * Calls an adapter's operator from a property and validates what comes back (`err.adapter-result`), so every
 * predicate works on well-formed float64 tensors of the expected shape.
 */
import type { Adapter } from '../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../src/adapter/operatorCall.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import { formatValue } from '../src/errors/convkitError.js';
import { checkAdapterResult } from '../src/tensor/tensorData.js';
import type { Tensor } from '../src/tensor/tensor.js';

export async function callOp(adapter: Adapter, call: OperatorCall, expectedShape: readonly number[] | null = null): Promise<Tensor> {
  return checkAdapterResult(await invokeOperator(adapter, call), call.op, expectedShape);
}

/** The reference's answer for the same call. */
export function callReference(call: OperatorCall): Promise<Tensor> {
  return callOp(reference, call);
}

/** `conv2d({"stride":2,...})` for messages; tensors are summarised by their shapes. */
export function describeCall(call: OperatorCall): string {
  const shapes = Object.entries(call.inputs).map(([k, t]) => `${k}:[${t?.shape.join('×') ?? 'null'}]`);
  return `${call.op}(${[...shapes, formatValue(call.options)].join(', ')})`;
}
