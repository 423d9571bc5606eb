/** TensorFlow.js on its WebAssembly backend, as a module whose default export is the adapter (`--adapter tfjs:wasm`). */
import { tfjsAdapter } from './index.js';

export default await tfjsAdapter({ backend: 'wasm' });
