/**
 * Crossing the adapter boundary: TensorData (the contract's plain shape + data) to and from the reference's
 * Tensor, with validation (spec/tensors.md `tensor.data.length`, `tensor.data.type`; spec/errors.md
 * `err.adapter-result`).
 */
import type { TensorData } from '../adapter/contract.js';
import { ConvkitError } from '../errors/convkitError.js';
import { elementCount, type Tensor } from './tensor.js';

export interface TensorDataProblem {
  /** Where, relative to the tensor: '' (the value itself), '.shape[2]', '.data[5]', '.data'. */
  readonly at: string;
  /** The offending entry, or undefined when the problem is the tensor as a whole. */
  readonly entry?: unknown;
  readonly rule: string;
  readonly clause: string;
}

/**
 * The most elements a tensor crossing the adapter boundary may have (64 Mi): a larger result is the adapter's
 * error, found before it is copied (`kit.protocol.limits`) — copying it could exhaust the runner's memory.
 */
export const MAX_TENSOR_ELEMENTS = 64 * 1024 * 1024;

/** What is wrong with a would-be tensor, naming the offending entry, or null when it is well formed. */
export function tensorDataProblem(value: unknown): TensorDataProblem | null {
  if (typeof value !== 'object' || value === null) return { at: '', rule: `is ${value === null ? 'null' : typeof value}, not {shape, data}`, clause: 'tensor.data.type' };
  const { shape, data } = value as { shape?: unknown; data?: unknown };
  if (!Array.isArray(shape)) return { at: '.shape', rule: 'must be an array of dimensions', clause: 'tensor.shape.positive' };
  const badDim = shape.findIndex((d) => !Number.isInteger(d) || (d as number) < 0);
  if (badDim >= 0) return { at: `.shape[${badDim}]`, entry: shape[badDim], rule: 'must be an integer ≥ 0', clause: 'tensor.shape.positive' };
  const isTyped = data instanceof Float32Array || data instanceof Float64Array;
  if (!isTyped && !Array.isArray(data)) return { at: '.data', rule: 'must be a Float32Array, Float64Array or number[]', clause: 'tensor.data.type' };
  const size = (data as ArrayLike<number>).length;
  if (size > MAX_TENSOR_ELEMENTS) return { at: '.data', entry: `${size} elements`, rule: `must have at most ${MAX_TENSOR_ELEMENTS} elements (64 Mi, kit.protocol.limits)`, clause: 'tensor.data.length' };
  if (!isTyped) {
    const badValue = (data as unknown[]).findIndex((v) => typeof v !== 'number');
    if (badValue >= 0) return { at: `.data[${badValue}]`, entry: (data as unknown[])[badValue], rule: 'must be a number (NaN and ±Infinity included)', clause: 'tensor.data.type' };
  }
  const length = (data as ArrayLike<number>).length;
  const needed = elementCount(shape as number[]);
  if (length !== needed) return { at: '', rule: `has ${length} elements, but shape [${(shape as number[]).join(', ')}] needs ${needed}`, clause: 'tensor.data.length' };
  return null;
}

/** An argument handed to the reference through the contract; malformed data is the caller's error. */
export function toTensor(value: TensorData, op: string, argument: string): Tensor {
  const problem = tensorDataProblem(value);
  if (problem !== null) {
    throw new ConvkitError({ code: 'E_DATA', op, argument: `${argument}${problem.at}`, value: 'entry' in problem ? problem.entry : summarize(value), rule: problem.rule, clause: problem.clause });
  }
  // new Float64Array copies a typed array in one block; Float64Array.from walks its iterator (same values).
  return { shape: [...value.shape], data: new Float64Array(value.data) };
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
    throw new ConvkitError({ code: 'E_ADAPTER', op, argument: `result${problem.at}`, value: 'entry' in problem ? problem.entry : summarize(value), rule: problem.rule, clause: 'err.adapter-result' });
  }
  const td = value as TensorData;
  if (expectedShape !== null && (td.shape.length !== expectedShape.length || td.shape.some((d, i) => d !== expectedShape[i]))) {
    throw new ConvkitError({ code: 'E_ADAPTER', op, argument: 'result.shape', value: td.shape, rule: `should be [${expectedShape.join(', ')}]`, clause: 'err.adapter-result' });
  }
  return { shape: [...td.shape], data: new Float64Array(td.data) };
}

function summarize(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { shape, data } = value as { shape?: unknown; data?: { length?: unknown; constructor?: { name?: string } } };
  return { shape, data: data === undefined ? undefined : `${data?.constructor?.name ?? typeof data}(${String(data?.length)})` };
}
