/**
 * ONNX Runtime in float64: only the operators whose CPU kernels are registered for double — Pad and MaxPool (so
 * also adaptive max pooling with even windows, as a MaxPool). Conv, ConvTranspose, AveragePool and the Global
 * pools fail to load with double inputs in onnxruntime-node 1.30 ("Could not find an implementation for
 * Conv(11)"), so they are absent and their checks skipped.
 */
import { ortAdapter } from './ortAdapter.js';

export default ortAdapter('float64', ['pad2d', 'maxPool2d', 'adaptiveMaxPool2d']);
