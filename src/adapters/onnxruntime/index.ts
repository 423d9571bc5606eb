/**
 * ONNX Runtime (onnxruntime-node, CPU execution provider) as a convkit adapter (`convkit/adapters/onnxruntime`):
 *
 *     import { onnxruntimeAdapter } from 'convkit/adapters/onnxruntime';
 *     export default await onnxruntimeAdapter({ dtype: 'float32' });
 *
 * or on the command line `convkit run --adapter onnxruntime` (float32) and `--adapter onnxruntime:float64`.
 * onnxruntime-node is an optional peer of convkit: `npm i onnxruntime-node` (a missing one is a
 * MissingPeerError). Conv, ConvTranspose, MaxPool, AveragePool and Pad as single-node ONNX models, and adaptive
 * pooling as GlobalAveragePool / GlobalMaxPool, or AveragePool / MaxPool with kernel = stride where the windows
 * are even; no backward operators (ONNX Runtime has none for inference). ONNX AveragePool has no divisor
 * override and ONNX no uneven adaptive windows: both declared unsupported. In float64 only the operators whose
 * CPU kernels are registered for double are offered — Pad and MaxPool (so also adaptive max pooling with even
 * windows, as a MaxPool): Conv, ConvTranspose, AveragePool and the Global pools fail to load with double inputs
 * in onnxruntime-node 1.30 ("Could not find an implementation for Conv(11)"), so they are absent and their
 * checks skipped.
 */
import type { Adapter } from '../../adapter/contract.js';
import { ortAdapter } from './ortAdapter.js';

export { MissingPeerError } from '../missingPeer.js';

export interface OnnxruntimeAdapterOptions {
  /** The element type the models compute in (default float32). */
  readonly dtype?: 'float32' | 'float64';
}

export function onnxruntimeAdapter(options: OnnxruntimeAdapterOptions = {}): Promise<Adapter> {
  const dtype = options.dtype ?? 'float32';
  if (dtype === 'float32') return ortAdapter('float32', ['corr2d', 'conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d', 'adaptiveMaxPool2d']);
  if (dtype === 'float64') return ortAdapter('float64', ['pad2d', 'maxPool2d', 'adaptiveMaxPool2d']);
  return Promise.reject(new TypeError(`onnxruntimeAdapter: options.dtype=${JSON.stringify(dtype)} must be "float32" or "float64"`));
}
