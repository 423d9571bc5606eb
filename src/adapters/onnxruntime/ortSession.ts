/**
 * Runs a GraphCall on one ONNX Runtime execution provider, with the user's onnxruntime-node or onnxruntime-web
 * (optional peers of convkit, passed in by ortAdapter.ts and the onnxruntime-web adapters; both are the
 * onnxruntime-common API). Sessions are cached by graph (the attributes; the
 * inputs have symbolic shapes), at most MAX_SESSIONS of them, the least recently used released first. On the
 * CPU provider each session runs on the calling thread (intra- and inter-op thread counts 1), so thousands of
 * checks create no thread pools; onnxruntime-web's thread count is global (ort.env.wasm.numThreads, set by its
 * adapters).
 */
import type * as Ort from 'onnxruntime-common';
import type { TensorData } from '../../adapter/contract.js';
import { encodeModel, type ElemType } from './onnxModel.js';
import type { GraphCall } from './ortGraphs.js';

const MAX_SESSIONS = 64;

export interface OrtRunner {
  /** Feeds X, W, B (those the graph has) and the call's extra inputs; answers Y as a TensorData. */
  runGraph(call: GraphCall, type: ElemType, inputs: Readonly<Record<string, TensorData>>): Promise<TensorData>;
  releaseSessions(): Promise<void>;
  readonly version: string;
}

/** The execution provider a runner's sessions use: 'cpu' (onnxruntime-node), 'wasm' or 'webgpu' (onnxruntime-web). */
export type OrtExecutionProvider = 'cpu' | 'wasm' | 'webgpu';

/** The onnxruntime-common API that onnxruntime-node and onnxruntime-web both export. */
export type OrtModule = Pick<typeof Ort, 'env' | 'InferenceSession' | 'Tensor'>;

export function ortRunner(ort: OrtModule, provider: OrtExecutionProvider = 'cpu'): OrtRunner {
  // A refused call is an answer (a rejected Promise), not something to log: ORT's native logger would print it.
  ort.env.logLevel = 'fatal';
  const sessions = new Map<string, Promise<Ort.InferenceSession>>();

  function session(call: GraphCall): Promise<Ort.InferenceSession> {
    const key = JSON.stringify(call.graph);
    let s = sessions.get(key);
    if (s) {
      sessions.delete(key);
    } else {
      const threads = provider === 'cpu' ? { intraOpNumThreads: 1, interOpNumThreads: 1 } : {};
      s = ort.InferenceSession.create(encodeModel(call.graph), { executionProviders: [provider], ...threads, logSeverityLevel: 4 });
    }
    sessions.set(key, s);
    if (sessions.size > MAX_SESSIONS) {
      const [oldest, evicted] = sessions.entries().next().value as [string, Promise<Ort.InferenceSession>];
      sessions.delete(oldest);
      void evicted.then((e) => e.release(), () => undefined);
    }
    return s;
  }

  function tensor(type: ElemType, data: ArrayLike<number>, shape: readonly number[]): Ort.Tensor {
    if (type === 'int64') return new ort.Tensor('int64', BigInt64Array.from(Array.from(data, (v) => BigInt(v))), shape);
    return new ort.Tensor(type, type === 'float32' ? Float32Array.from(data) : Float64Array.from(data), shape);
  }

  /** Feeds X, W, B (those the graph has) and the call's extra inputs; answers Y as a TensorData. */
  async function runGraph(call: GraphCall, type: ElemType, inputs: Readonly<Record<string, TensorData>>): Promise<TensorData> {
    const s = await session(call);
    const feeds: Record<string, Ort.Tensor> = {};
    for (const [name, t] of Object.entries(inputs)) feeds[name] = tensor(type, t.data, t.shape);
    for (const [name, e] of Object.entries(call.extra)) feeds[name] = tensor(e.type, e.data, e.shape);
    const y = (await s.run(feeds, { logSeverityLevel: 4 }))['Y']!;
    const data = y.data as Float32Array | Float64Array;
    return { shape: y.dims.map(Number), data: type === 'float32' ? Float32Array.from(data) : Float64Array.from(data) };
  }

  async function releaseSessions(): Promise<void> {
    const all = [...sessions.values()];
    sessions.clear();
    await Promise.all(all.map((s) => s.then((e) => e.release(), () => undefined)));
  }

  return { runGraph, releaseSessions, version: ort.env.versions.common };
}
