/** ONNX Runtime (onnxruntime-node, CPU) in float32, as a module whose default export is the adapter (`--adapter onnxruntime`). */
import { onnxruntimeAdapter } from './index.js';

export default await onnxruntimeAdapter({ dtype: 'float32' });
