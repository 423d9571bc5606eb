/**
 * How onnxruntime-web's webgpu provider computes a float32 model: WGSL kernels over f32 storage buffers with
 * f32 arithmetic (WGSL's f32 is IEEE binary32; the provider uses f16 only for tensor(float16) models).
 * Issue 11's `Adapter.numerics` shape, wired once it lands.
 */
export const ORT_WEB_WEBGPU_NUMERICS = { storage: 'float32', accumulate: 'float32' } as const;
