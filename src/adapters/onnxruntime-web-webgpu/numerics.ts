/**
 * How onnxruntime-web's webgpu provider computes a float32 model: WGSL kernels over f32 storage buffers with
 * f32 arithmetic (WGSL's f32 is IEEE binary32; the provider uses f16 only for tensor(float16) models).
 * Declared for every operator (../declareNumerics.ts) by page.ts.
 */
import type { OperatorNumerics } from '../../adapter/contract.js';

export const ORT_WEB_WEBGPU_NUMERICS: OperatorNumerics = { storage: 'float32', accumulate: 'float32' };
