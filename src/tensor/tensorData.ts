/**
 * Crossing the adapter boundary: TensorData (the contract's plain shape + data) to and from the reference's
 * Tensor, with validation (spec/tensors.md `tensor.data.length`, `tensor.data.type`; spec/errors.md
 * `err.adapter-result`).
 */
import type { TensorData } from '../adapter/contract.js';
import { ConvkitError } from '../errors/convkitError.js';
import { elementCount, type Tensor } from './tensor.js';

/** Describes what is wrong with a would-be tensor, or returns null when it is well formed. */
export function tensorDataProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return `is ${value === null ? 'null' : typeof value}, not {shape, data}`;
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
    return 'has a shape that is not an array of non-negative integers';
  }
  const isTyped = data instanceof Float32Array || data instanceof Float64Array;
  if (!isTyped && !(Array.isArray(data) && data.every((v) => typeof v === 'number'))) {
    return 'has data that is not a Float32Array, Float64Array or number[]';
  }
  const length = (data as ArrayLike<number>).length;
  const needed = elementCount(shape as number[]);
  if (length !== needed) return `has ${length} elements, but shape [${(shape as number[]).join(', ')}] needs ${needed}`;
  return null;
}

/** An argument handed to the reference through the contract; malformed data is the caller's error. */
export function toTensor(value: TensorData, op: string, argument: string): Tensor {
  const problem = tensorDataProblem(value);
  if (problem !== null) {
    throw new ConvkitError({ code: 'E_DATA', op, argument, value: summarize(value), rule: problem, clause: 'tensor.data.length' });
  }
  return { shape: [...value.shape], data: Float64Array.from(value.data) };
}

export function toTensorData(t: Tensor): TensorData {
  return { shape: [...t.shape], data: t.data };
}

/**
 * What an adapter returned, checked before anything compares it: a malformed tensor, or one of the wrong
 * shape, is the adapter's error (`err.adapter-result`), reported with the operator and what was expected.
 */
export function checkAdapterResult(value: unknown, op: string, expectedShape: readonly number[] | null): Tensor {
  const problem = tensorDataProblem(value);
  if (problem !== null) {
    throw new ConvkitError({ code: 'E_ADAPTER', op, argument: 'result', value: summarize(value), rule: problem, clause: 'err.adapter-result' });
  }
  const td = value as TensorData;
  if (expectedShape !== null && (td.shape.length !== expectedShape.length || td.shape.some((d, i) => d !== expectedShape[i]))) {
    throw new ConvkitError({ code: 'E_ADAPTER', op, argument: 'result.shape', value: td.shape, rule: `should be [${expectedShape.join(', ')}]`, clause: 'err.adapter-result' });
  }
  return { shape: [...td.shape], data: Float64Array.from(td.data) };
}

function summarize(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { shape, data } = value as { shape?: unknown; data?: { length?: unknown; constructor?: { name?: string } } };
  return { shape, data: data === undefined ? undefined : `${data?.constructor?.name ?? typeof data}(${String(data?.length)})` };
}
