/**
 * ONNX Runtime (onnxruntime-node, CPU execution provider) in float32 as a convkit adapter:
 * `convkit run --adapter src/adapters/onnxruntime/index.ts`. Conv, ConvTranspose, MaxPool, AveragePool and Pad
 * as single-node ONNX models, and adaptive pooling as GlobalAveragePool / GlobalMaxPool, or AveragePool / MaxPool
 * with kernel = stride where the windows are even; no backward operators (ONNX Runtime has none for inference).
 * ONNX AveragePool has no divisor override and ONNX no uneven adaptive windows: both declared unsupported. float64.ts checks the operators whose CPU kernels take double.
 */
import { ortAdapter } from './ortAdapter.js';

export default ortAdapter('float32', ['corr2d', 'conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d', 'adaptiveMaxPool2d']);
