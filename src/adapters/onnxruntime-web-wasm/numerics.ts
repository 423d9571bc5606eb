/**
 * How onnxruntime-web's wasm provider computes a float32 model: its CPU kernels (MLAS's f32 SGEMM/convolution,
 * the same source as onnxruntime-node's CPU provider) compiled to WASM SIMD — float32 storage, float32 sums.
 * Known from the model's element type (every tensor is tensor(float)) and from ORT's build: the wasm provider
 * has no reduced-precision path for float inputs.
 * Declared for every operator (../declareNumerics.ts) by node.ts and page.ts.
 */
import type { OperatorNumerics } from '../../adapter/contract.js';

export const ORT_WEB_WASM_NUMERICS: OperatorNumerics = { storage: 'float32', accumulate: 'float32' };
