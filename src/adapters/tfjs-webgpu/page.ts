/**
 * TensorFlow.js on its WebGPU backend, in a Chromium page (`--adapter page:tfjs:webgpu`): the operators of
 * ../tfjs (buildTfjsAdapter.ts) with tfjs's registered gradients, computed by WGSL compute shaders on the
 * page's WebGPU adapter (Dawn on SwiftShader here). WGSL's f32 is IEEE binary32 and tfjs-backend-webgpu stores
 * every float tensor in f32 storage buffers (it has no f16 path in 4.22), so storage and sums are float32
 * (TFJS_WEBGPU_NUMERICS). A page without a WebGPU adapter fails to load with that reason.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { OperatorNumerics } from '../../adapter/contract.js';
import { declareNumerics } from '../declareNumerics.js';
import { buildTfjsAdapter } from '../tfjs/buildTfjsAdapter.js';

/** Storage and accumulation: f32 buffers and f32 WGSL arithmetic (see above; measured below, in the name). */
export const TFJS_WEBGPU_NUMERICS: OperatorNumerics = { storage: 'float32', accumulate: 'float32' };

const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
if (gpu === undefined || (await gpu.requestAdapter()) === null) throw new Error('this page has no WebGPU adapter (navigator.gpu.requestAdapter() answered null), so the tfjs webgpu backend cannot start');
if (!(await tf.setBackend('webgpu'))) throw new Error("tf.setBackend('webgpu') failed to initialise the backend");
await tf.ready();
// Inputs still on the CPU and under WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD (1000) elements would go to tfjs's CPU
// kernels for element-wise ops, transpose and slices (backend_webgpu.js shouldExecuteOnCPU); off, so every
// kernel of a call runs in compute shaders.
tf.env().set('WEBGPU_CPU_FORWARD', false);

/** One value computed by a compute shader and read back (the measurement of TFJS_WEBGPU_NUMERICS). */
async function onGpu(f: () => tf.Tensor): Promise<number> {
  const y = tf.tidy(f);
  try {
    return (await y.data())[0]!;
  } finally {
    y.dispose();
  }
}
// 1 + 2⁻²⁰ survives only float32's 24 significand bits (float16 reads back 1); 2⁻¹⁴⁹·1 shows whether subnormals
// are flushed (WGSL lets an implementation flush them).
const float32Arithmetic = (await onGpu(() => tf.add(tf.scalar(1), tf.scalar(2 ** -20)))) === Math.fround(1 + 2 ** -20);
const subnormals = (await onGpu(() => tf.mul(tf.scalar(2 ** -149), tf.scalar(1)))) !== 0;
const precision = `${float32Arithmetic ? 'f32' : 'not f32: 1 + 2^-20 rounded to 1'}; subnormals ${subnormals ? 'kept' : 'flushed'}`;

// The measurement must agree with the declaration: a page whose shaders round 1 + 2⁻²⁰ to 1 is not what
// TFJS_WEBGPU_NUMERICS says, and a run judged by a float32 error model there would raise false alarms.
if (!float32Arithmetic) throw new Error(`tfjs's webgpu backend here does not compute in f32 (1 + 2^-20 read back as 1), so TFJS_WEBGPU_NUMERICS (float32) would be wrong`);

export default declareNumerics(buildTfjsAdapter(tf, { name: `tfjs-core ${tf.version_core} (webgpu backend in Chromium: ${precision})`, gradients: true, asyncReadback: true }), TFJS_WEBGPU_NUMERICS);
