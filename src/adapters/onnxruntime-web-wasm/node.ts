/**
 * ONNX Runtime Web (onnxruntime-web) with its `wasm` execution provider, in Node (`--adapter
 * onnxruntime-web:wasm`): the graphs of ../onnxruntime (buildOrtAdapter.ts) run by ORT's CPU kernels compiled
 * to WASM SIMD — the same kernels a page runs (page.ts), here without a browser. float32 storage and float32
 * sums (numerics.ts). One thread
 * (ort.env.wasm.numThreads = 1): no worker threads, and deterministic sums. No backward operators.
 */
import { declareNumerics } from '../declareNumerics.js';
import { importPeer } from '../missingPeer.js';
import { buildOrtAdapter, ORT_FLOAT32_OPERATORS } from '../onnxruntime/buildOrtAdapter.js';

import { ORT_WEB_WASM_NUMERICS } from './numerics.js';

export { ORT_WEB_WASM_NUMERICS };

const ort = await importPeer('onnxruntime-web', 'convkit/adapters/onnxruntime-web-wasm', () => import('onnxruntime-web'));
ort.env.wasm.numThreads = 1;

export default declareNumerics(buildOrtAdapter(ort, { type: 'float32', ops: ORT_FLOAT32_OPERATORS, provider: 'wasm', name: (version) => `onnxruntime-web ${version} (wasm, float32, in Node)` }), ORT_WEB_WASM_NUMERICS);
