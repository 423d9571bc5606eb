/**
 * A recording proxy around an adapter, the same pattern src/isolation/channelAdapter.ts uses: every operator
 * call a case makes — forward or backward, from any property, gradcheck or the adjoint test — is kept as a
 * RecordedCall (method, operator call, gradOutput, outcome). Reports and reproductions are built from these
 * records. Inputs are recorded as copies, so an adapter that writes into its arguments cannot rewrite history.
 */
import type { Adapter, OperatorName, TensorData } from './contract.js';
import type { RecordedCall } from './recordedCall.js';
import { ADAPTER_METHODS, operatorOfMethod } from '../operators/index.js';
import { callFromArguments } from '../operators/signature.js';

export interface Recorder {
  readonly adapter: Adapter;
  readonly calls: RecordedCall[];
}

// A typed array is copied as one (a memcpy); boxing a realistic weight's millions of values into a plain array
// cost more than the convolution itself at scale large.
const copyTensor = (t: TensorData): TensorData => ({ shape: [...t.shape], data: ArrayBuffer.isView(t.data) ? t.data.slice() : Array.from(t.data) });
const isTensor = (v: unknown): v is TensorData => typeof v === 'object' && v !== null && Array.isArray((v as TensorData).shape) && (v as TensorData).data !== undefined && typeof (v as TensorData).data.length === 'number';

function snapshot(method: OperatorName, args: readonly unknown[]): Omit<RecordedCall, 'outcome'> | null {
  const record = operatorOfMethod(method);
  if (record === undefined) return null;
  const signature = record.name === method ? record.signature : record.backward!.signature;
  const { call, gradOutput } = callFromArguments(signature, record.name, args);
  const inputs = Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, isTensor(t) ? copyTensor(t) : t]));
  return { method, call: { ...call, inputs }, ...(gradOutput !== undefined && isTensor(gradOutput) ? { gradOutput: copyTensor(gradOutput) } : {}) };
}

const shapeOf = (answer: unknown): readonly number[] | undefined => (isTensor(answer) ? [...answer.shape] : undefined);

export function recordingAdapter(adapter: Adapter): Recorder {
  const calls: RecordedCall[] = [];
  const methods = new Set<string>(ADAPTER_METHODS);
  const proxy = new Proxy(adapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !methods.has(key) || typeof value !== 'function') return value;
      const method = key as OperatorName;
      return async (...args: unknown[]) => {
        const recorded = snapshot(method, args);
        try {
          const answer: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          if (recorded) calls.push({ ...recorded, outcome: { kind: 'answered', ...(shapeOf(answer) ? { shape: shapeOf(answer)! } : {}) } });
          return answer;
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          if (recorded) calls.push({ ...recorded, outcome: { kind: 'threw', name: error.name, message: error.message } });
          throw e;
        }
      };
    },
  });
  return { adapter: proxy, calls };
}
