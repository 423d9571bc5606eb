/**
 * ONNX Runtime "raw": the adapter's own one-node model (src/adapters/onnxruntime/ortGraphs.ts) in a session made
 * once, with the same session options (CPU, one intra-op and one inter-op thread), fed ort.Tensors made once.
 * NCHW is ONNX's layout, so there is no transpose to leave out: what is left out is the adapter's per-call
 * work — building and looking up the graph, copying TensorData into ort.Tensors and the output back out.
 */
import ort from 'onnxruntime-node';
import { encodeModel } from '../src/adapters/onnxruntime/onnxModel.js';
import { avgPool2dGraph, conv2dGraph, maxPool2dGraph, type GraphCall } from '../src/adapters/onnxruntime/ortGraphs.js';
import type { TensorData } from '../src/adapter/contract.js';
import type { CaseTensors } from './caseTensors.js';
import type { BenchCase } from './shapes.js';
import type { Timed } from './timing.js';

const f32 = (t: TensorData) => new ort.Tensor('float32', Float32Array.from(t.data), t.shape);

function graphOf(c: BenchCase): GraphCall {
  if (c.kind === 'conv2d') return conv2dGraph('float32', c.weight[2], c.weight[3], true, c.opts);
  if (c.kind === 'maxPool2d') return maxPool2dGraph('float32', c.opts);
  return avgPool2dGraph('float32', c.opts);
}

/** The contender, and a release for its session. */
export async function rawOrt(c: BenchCase, t: CaseTensors): Promise<{ run: Timed; release: () => Promise<void> }> {
  const session = await ort.InferenceSession.create(encodeModel(graphOf(c).graph), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    logSeverityLevel: 4,
  });
  const feeds: Record<string, ort.Tensor> = { X: f32(t.input) };
  if (c.kind === 'conv2d') Object.assign(feeds, { W: f32(t.weight!), B: f32(t.bias!) });
  return { run: () => session.run(feeds), release: () => session.release() };
}
