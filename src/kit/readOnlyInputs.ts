/**
 * readOnlyInputs(adapter): an adapter whose operators are handed copies of the tensors, checked after each call
 * (`kit.protocol.inputs`). An in-process adapter that writes into its input arrays would otherwise change the
 * case under the property — its reference, its shrinking, the next call — and a run could shrink forever. A
 * changed copy is reported as the adapter's defect: "conv2d modified its input (argument 1, data[3] was 1, now
 * 0)". An isolated adapter already receives copies (structured clones, protocol JSON), so it is returned as is.
 */
import type { Adapter, TensorData } from '../adapter/contract.js';
import { OPERATOR_NAMES } from '../adapter/validateAdapter.js';
import { isolationStatus } from '../isolation/channelAdapter.js';

export class InputModifiedError extends Error {
  override name = 'InputModifiedError';
  constructor(readonly op: string, readonly argument: number, readonly at: string, before: unknown, after: unknown) {
    super(`${op} modified its input (argument ${argument}, ${at} was ${String(before)}, now ${String(after)}); operators must not write into their inputs`);
  }
}

function isTensor(v: unknown): v is TensorData {
  const t = v as Partial<TensorData> | null;
  return typeof t === 'object' && t !== null && Array.isArray(t.shape) && (ArrayBuffer.isView(t.data) || Array.isArray(t.data));
}

function copyTensor(t: TensorData): TensorData {
  return { ...t, shape: [...t.shape], data: t.data.slice() } as TensorData;
}

/** The first difference between the tensor handed over and what it is after the call, or null. */
function firstChange(given: TensorData, now: TensorData): [at: string, before: unknown, after: unknown] | null {
  if (given.shape.length !== now.shape.length || given.shape.some((d, i) => d !== now.shape[i])) return ['shape', `[${given.shape.join(', ')}]`, `[${now.shape.join(', ')}]`];
  if (given.data.length !== now.data.length) return ['data.length', given.data.length, now.data.length];
  for (let i = 0; i < given.data.length; i++) if (!Object.is(given.data[i], now.data[i])) return [`data[${i}]`, given.data[i], now.data[i]];
  return null;
}

export function readOnlyInputs(adapter: Adapter): Adapter {
  if (isolationStatus(adapter) !== undefined) return adapter;
  // Name, dtype, supports, close and any method of a class instance are read through the prototype.
  const guarded = Object.create(adapter) as Record<string, unknown>;
  for (const op of OPERATOR_NAMES) {
    const f = (adapter as unknown as Record<string, unknown>)[op];
    if (typeof f !== 'function') continue;
    guarded[op] = async (...args: unknown[]) => {
      const originals = args.map((a) => (isTensor(a) ? copyTensor(a) : undefined));
      const handed = args.map((a, i) => (originals[i] !== undefined ? copyTensor(a as TensorData) : a));
      const answer = await (f as (...a: unknown[]) => unknown).apply(adapter, handed);
      originals.forEach((original, i) => {
        if (original === undefined) return;
        const change = firstChange(original, handed[i] as TensorData);
        if (change !== null) throw new InputModifiedError(op, i + 1, ...change);
      });
      return answer;
    };
  }
  return guarded as unknown as Adapter;
}
