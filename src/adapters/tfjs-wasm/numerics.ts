/**
 * How tfjs's WebAssembly backend computes, in Node (`tfjs:wasm`, ../tfjs/wasm.ts) and in a page (page.ts): float32
 * tensors (the backend stores floats only as f32: TensorInfo's f32() buffers) and, for convolution, XNNPACK's
 * f32 operator (tfjs-backend-wasm src/cc/conv2d_impl.cc creates xnn_create_convolution2d_nhwc_f32 — an indirect
 * GEMM with float32 multiply-adds, no Winograd or FFT path). So storage and sums are float32, direct. Declared
 * for every operator (../declareNumerics.ts).
 */
import type { OperatorNumerics } from '../../adapter/contract.js';

export const TFJS_WASM_NUMERICS: OperatorNumerics = { storage: 'float32', accumulate: 'float32' };
