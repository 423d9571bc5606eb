/**
 * Calls an adapter's operator from a property and validates what comes back (`err.adapter-result`), so every
 * predicate works on well-formed float64 tensors of the expected shape.
 */
import type { Adapter } from '../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../src/adapter/operatorCall.js';
import { operatorRecord } from '../src/operators/index.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import { formatValue } from '../src/errors/convkitError.js';
import { checkAdapterResult } from '../src/tensor/tensorData.js';
import { PropertyFailure } from './propertyFailure.js';
import type { Tensor } from '../src/tensor/tensor.js';

export async function callOp(adapter: Adapter, call: OperatorCall, expectedShape: readonly number[] | null = null): Promise<Tensor> {
  // A malformed tensor is the adapter's error (`err.adapter-result`); a well-formed one of the wrong shape is a
  // wrong answer, so a failure of the property (`shape.positive` and the shape clauses say what it should be).
  const result = checkAdapterResult(await invokeOperator(adapter, call), call.op, null);
  if (expectedShape !== null && (result.shape.length !== expectedShape.length || result.shape.some((d, i) => d !== expectedShape[i]))) {
    throw new PropertyFailure(`${call.op}.shape`, `[${result.shape.join(', ')}]`, `[${expectedShape.join(', ')}]`, describeCall(call), operatorRecord(call.op).shapeClause);
  }
  return result;
}

/** The reference's answer for the same call. */
export async function callReference(call: OperatorCall): Promise<Tensor> {
  // Not traced: the reproduction repeats the adapter's calls, not the reference's.
  return checkAdapterResult(await invokeOperator(reference, call), call.op, null);
}

/** `conv2d({"stride":2,...})` for messages; tensors are summarised by their shapes. */
export function describeCall(call: OperatorCall): string {
  const shapes = Object.entries(call.inputs).map(([k, t]) => (t ? `${k}:[${t.shape.join('×')}]` : `${k}:null`));
  return `${call.op}(${[...shapes, formatValue(call.options)].join(', ')})`;
}
