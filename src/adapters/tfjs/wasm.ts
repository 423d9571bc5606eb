/** TensorFlow.js on its WebAssembly backend, as a module whose default export is the adapter (`--adapter tfjs:wasm`). */
import { declareNumerics } from '../declareNumerics.js';
import { TFJS_WASM_NUMERICS } from '../tfjs-wasm/numerics.js';
import { tfjsAdapter } from './index.js';

export default declareNumerics(await tfjsAdapter({ backend: 'wasm' }), TFJS_WASM_NUMERICS);
