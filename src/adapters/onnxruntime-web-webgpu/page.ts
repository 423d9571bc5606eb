/**
 * ONNX Runtime Web with its `webgpu` execution provider, in a Chromium page (`--adapter
 * page:onnxruntime-web:webgpu`): the graphs of ../onnxruntime (buildOrtAdapter.ts) on ORT's WGSL kernels, on
 * the page's WebGPU adapter (Dawn on SwiftShader here). onnxruntime-web/webgpu is the build with the native
 * WebGPU provider (ort-wasm-simd-threaded.asyncify.wasm, served under /assets/). A node the provider has no
 * kernel for runs on the CPU provider inside the same session (ORT's usual fallback); see numerics.ts.
 * A page without a WebGPU adapter fails to load with that reason.
 */
import * as ort from 'onnxruntime-web/webgpu';
import { declareNumerics } from '../declareNumerics.js';
import { buildOrtAdapter, ORT_FLOAT32_OPERATORS } from '../onnxruntime/buildOrtAdapter.js';
import { ORT_WEB_WEBGPU_NUMERICS } from './numerics.js';

export { ORT_WEB_WEBGPU_NUMERICS };

const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
if (gpu === undefined || (await gpu.requestAdapter()) === null) throw new Error('this page has no WebGPU adapter (navigator.gpu.requestAdapter() answered null), so the webgpu execution provider cannot start');
ort.env.wasm.wasmPaths = '/assets/';
ort.env.wasm.numThreads = 1;

const adapter = declareNumerics(buildOrtAdapter(ort, { type: 'float32', ops: ORT_FLOAT32_OPERATORS, provider: 'webgpu', name: (version) => `onnxruntime-web ${version} (webgpu, float32, in Chromium)` }), ORT_WEB_WEBGPU_NUMERICS);
// The first session creates the WebGPU device and compiles ORT's shader runtime (about 12 s on SwiftShader
// here): done while the page loads, so the first check's call is not timed out for it.
await adapter.corr2d!({ shape: [2, 2], data: [1, 2, 3, 4] }, { shape: [1, 1], data: [1] });
export default adapter;
