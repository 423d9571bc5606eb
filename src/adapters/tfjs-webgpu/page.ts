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
import { buildTfjsAdapter } from '../tfjs/buildTfjsAdapter.js';

/** Storage and accumulation: f32 buffers and f32 WGSL arithmetic (see above). */
export const TFJS_WEBGPU_NUMERICS = { storage: 'float32', accumulate: 'float32' } as const;

const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
if (gpu === undefined || (await gpu.requestAdapter()) === null) throw new Error('this page has no WebGPU adapter (navigator.gpu.requestAdapter() answered null), so the tfjs webgpu backend cannot start');
if (!(await tf.setBackend('webgpu'))) throw new Error("tf.setBackend('webgpu') failed to initialise the backend");
await tf.ready();
// Inputs still on the CPU and under WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD (1000) elements would go to tfjs's CPU
// kernels for element-wise ops, transpose and slices (backend_webgpu.js shouldExecuteOnCPU); off, so every
// kernel of a call runs in compute shaders.
tf.env().set('WEBGPU_CPU_FORWARD', false);

export default buildTfjsAdapter(tf, { name: `tfjs-core ${tf.version_core} (webgpu backend in Chromium, f32)`, gradients: true, asyncReadback: true });
