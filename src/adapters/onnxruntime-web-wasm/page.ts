/**
 * ONNX Runtime Web with its `wasm` execution provider, in a Chromium page (`--adapter page:onnxruntime-web:wasm`):
 * the graphs of ../onnxruntime (buildOrtAdapter.ts) on ORT's kernels compiled to WASM SIMD. The binary
 * (ort-wasm-simd-threaded.wasm) is served by the page channel under /assets/ (the built-in entry's assets,
 * src/isolation/builtinAdapters.ts). One thread: the page is not cross-origin isolated, so there is no
 * SharedArrayBuffer, and numThreads 1 says so instead of letting ORT warn and fall back. float32 throughout.
 */
import * as ort from 'onnxruntime-web/wasm';
import { declareNumerics } from '../declareNumerics.js';
import { buildOrtAdapter, ORT_FLOAT32_OPERATORS } from '../onnxruntime/buildOrtAdapter.js';
import { ORT_WEB_WASM_NUMERICS } from './numerics.js';

export { ORT_WEB_WASM_NUMERICS };

ort.env.wasm.wasmPaths = '/assets/';
ort.env.wasm.numThreads = 1;

export default declareNumerics(buildOrtAdapter(ort, { type: 'float32', ops: ORT_FLOAT32_OPERATORS, provider: 'wasm', name: (version) => `onnxruntime-web ${version} (wasm, float32, in Chromium)` }), ORT_WEB_WASM_NUMERICS);
