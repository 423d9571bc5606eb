/**
 * How onnxruntime-web's wasm provider computes a float32 model: its CPU kernels (MLAS's f32 SGEMM/convolution,
 * the same source as onnxruntime-node's CPU provider) compiled to WASM SIMD — float32 storage, float32 sums.
 * Known from the model's element type (every tensor is tensor(float)) and from ORT's build: the wasm provider
 * has no reduced-precision path for float inputs. Issue 11's `Adapter.numerics` shape, wired once it lands.
 */
export const ORT_WEB_WASM_NUMERICS = { storage: 'float32', accumulate: 'float32' } as const;
