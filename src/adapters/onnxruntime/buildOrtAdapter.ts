/**
 * The ONNX Runtime adapter on an onnxruntime module already loaded: every operator is a tiny ONNX model
 * (ortGraphs.ts) run by ortSession.ts on one execution provider. Browser-safe (it imports no package), so
 * onnxruntime-node (ortAdapter.ts) and onnxruntime-web in Node or in a page (../onnxruntime-web-wasm,
 * ../onnxruntime-web-webgpu) share it. ONNX Runtime has no backward operators, so none is offered and the
 * gradient checks are skipped. `ops` limits the operators to those whose kernels accept the element type.
 */
import type { Adapter, Supports, TensorData } from '../../adapter/contract.js';
import type { ElemType } from './onnxModel.js';
import { adaptivePool2dGraph, avgPool2dGraph, conv2dGraph, convTranspose2dGraph, maxPool2dGraph, pad2dGraph } from './ortGraphs.js';
import { ortRunner, type OrtExecutionProvider, type OrtModule } from './ortSession.js';

export type OrtOperator = 'corr2d' | 'conv2d' | 'convTranspose2d' | 'pad2d' | 'maxPool2d' | 'avgPool2d' | 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d';

export const ORT_FLOAT32_OPERATORS: readonly OrtOperator[] = ['corr2d', 'conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d', 'adaptiveMaxPool2d'];

/** What ONNX cannot express: AveragePool has no divisor override, and there are no uneven adaptive windows. */
export const ORT_UNSUPPORTED: NonNullable<Supports['features']> = { 'avgPool2d.divisorOverride': false, 'adaptiveAvgPool2d.uneven': false, 'adaptiveMaxPool2d.uneven': false };

export interface BuildOrtAdapterOptions {
  readonly type: Exclude<ElemType, 'int64'>;
  readonly ops: readonly OrtOperator[];
  /** The adapter's name; the library's version is appended. */
  readonly name: (version: string) => string;
  readonly provider: OrtExecutionProvider;
  /** Features this provider lacks beyond ORT_UNSUPPORTED. */
  readonly unsupported?: NonNullable<Supports['features']>;
}

const kernel = (w: TensorData) => [w.shape[2] ?? 0, w.shape[3] ?? 0] as const;

export function buildOrtAdapter(ort: OrtModule, options: BuildOrtAdapterOptions): Adapter {
  const { type } = options;
  const { runGraph, releaseSessions, version } = ortRunner(ort, options.provider);
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
    name: options.name(version),
    dtype: type,
    supports: { features: { ...ORT_UNSUPPORTED, ...options.unsupported } },
    close: releaseSessions,
  };
  for (const op of options.ops) Object.assign(adapter, { [op]: all[op] });
  return adapter;
}
