/**
 * Builds the ONNX Runtime adapter for one element type. Every operator is a tiny ONNX model (ortGraphs.ts) run
 * by onnxruntime-node (ortSession.ts), the user's own installation (an optional peer of convkit; a missing one
 * is a MissingPeerError). ONNX Runtime has no backward operators, so none is offered and the gradient checks are
 * skipped. `ops` limits the operators to those whose CPU kernels accept the element type.
 */
import type { Adapter, TensorData } from '../../adapter/contract.js';
import { importPeer } from '../missingPeer.js';
import type { ElemType } from './onnxModel.js';
import { adaptivePool2dGraph, avgPool2dGraph, conv2dGraph, convTranspose2dGraph, maxPool2dGraph, pad2dGraph } from './ortGraphs.js';
import { ortRunner } from './ortSession.js';

export type OrtOperator = 'corr2d' | 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d' | 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d';

const kernel = (w: TensorData) => [w.shape[2] ?? 0, w.shape[3] ?? 0] as const;

export async function ortAdapter(type: Exclude<ElemType, 'int64'>, ops: readonly OrtOperator[]): Promise<Adapter> {
  const ort = await importPeer('onnxruntime-node', 'convkit/adapters/onnxruntime', () => import('onnxruntime-node'));
  const { runGraph, releaseSessions, version } = ortRunner(ort);
  const all: Partial<Adapter> = {
    corr2d: async (x, k) => {
      const y = await runGraph(conv2dGraph(type, k.shape[0] ?? 0, k.shape[1] ?? 0, false), type, { X: { shape: [1, 1, ...x.shape], data: x.data }, W: { shape: [1, 1, ...k.shape], data: k.data } });
      return { shape: y.shape.slice(2), data: y.data };
    },
    conv2d: (input, weight, bias, opts) => runGraph(conv2dGraph(type, ...kernel(weight), bias !== null, opts), type, { X: input, W: weight, ...(bias ? { B: bias } : {}) }),
    convTranspose2d: (input, weight, bias, opts) => runGraph(convTranspose2dGraph(type, ...kernel(weight), bias !== null, opts), type, { X: input, W: weight, ...(bias ? { B: bias } : {}) }),
    pad2d: (input, pads, mode, value) => runGraph(pad2dGraph(type, input.shape.length, pads, mode, value ?? 0), type, { X: input }),
    maxPool2d: (input, opts) => runGraph(maxPool2dGraph(type, opts), type, { X: input }),
    avgPool2d: (input, opts) => runGraph(avgPool2dGraph(type, opts), type, { X: input }),
    adaptiveAvgPool2d: async (input, opts) => runGraph(adaptivePool2dGraph(type, 'adaptiveAvgPool2d', input.shape, opts), type, { X: input }),
    adaptiveMaxPool2d: async (input, opts) => runGraph(adaptivePool2dGraph(type, 'adaptiveMaxPool2d', input.shape, opts), type, { X: input }),
  };
  const adapter: Adapter = {
    name: `onnxruntime-node ${version} (cpu, ${type})`,
    dtype: type,
    supports: { features: { 'avgPool2d.divisorOverride': false, 'adaptiveAvgPool2d.uneven': false, 'adaptiveMaxPool2d.uneven': false } },
    close: releaseSessions,
  };
  for (const op of ops) Object.assign(adapter, { [op]: all[op] });
  return adapter;
}
