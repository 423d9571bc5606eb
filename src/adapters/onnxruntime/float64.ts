/** ONNX Runtime in float64 (Pad and MaxPool only, see index.ts), as a module whose default export is the adapter (`--adapter onnxruntime:float64`). */
import { onnxruntimeAdapter } from './index.js';

export default await onnxruntimeAdapter({ dtype: 'float64' });
