/**
 * A hand-written WebGPU compute-shader conv2d, checked where it runs: in a browser page.
 *
 *     npx convkit run --adapter page:examples/webgpu-conv2d-adapter.ts --only conv2d
 *
 * One shader invocation computes one output element in float32 (WGSL has no float64), so the adapter declares
 * dtype 'float32'. It implements stride, dilation, groups, bias and every zero-padding form; convkit's own
 * `conv2dGeometry` validates the call (so invalid calls throw convkit's errors, `err.adapter-rejects`) and
 * resolves 'same' and the explicit sides to numbers before the shader sees them. The other padding modes are
 * declared missing, so the checks that need them are skipped, never passed.
 */
/// <reference types="@webgpu/types" />
import { conv2dGeometry, type Adapter, type Conv2dOptions, type TensorData } from 'convkit/browser';

const WORKGROUP = 64;
/** WebGPU's guaranteed limit on workgroups per dispatch dimension (maxComputeWorkgroupsPerDimension). */
const MAX_GROUPS = 65535;

const SHADER = /* wgsl */ `
struct Params {
  n: u32, c: u32, h: u32, w: u32,
  o: u32, kh: u32, kw: u32, oh: u32,
  ow: u32, sh: u32, sw: u32, dh: u32,
  dw: u32, padTop: u32, padLeft: u32, groups: u32,
  hasBias: u32, total: u32, rowStride: u32, _pad: u32,
};
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wt: array<f32>;
@group(0) @binding(2) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
@group(0) @binding(4) var<uniform> p: Params;

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let k = id.x + id.y * p.rowStride;
  if (k >= p.total) { return; }
  let ox = k % p.ow;
  let oy = (k / p.ow) % p.oh;
  let oc = (k / (p.ow * p.oh)) % p.o;
  let img = k / (p.ow * p.oh * p.o);
  let cg = p.c / p.groups;
  let og = p.o / p.groups;
  let g = oc / og;
  var s: f32 = 0.0;
  if (p.hasBias == 1u) { s = bias[oc]; }
  for (var ci: u32 = 0u; ci < cg; ci++) {
    let cin = g * cg + ci;
    for (var a: u32 = 0u; a < p.kh; a++) {
      // Signed arithmetic: a tap in the padding has a negative or too-large row. It reads zero but is still
      // multiplied: skipping it would turn 0 · ∞ (= NaN) into 0 (\`num.nan-propagation.padding\`).
      let iy = i32(oy * p.sh + a * p.dh) - i32(p.padTop);
      let rowIn = iy >= 0 && iy < i32(p.h);
      for (var b: u32 = 0u; b < p.kw; b++) {
        let ix = i32(ox * p.sw + b * p.dw) - i32(p.padLeft);
        var xv: f32 = 0.0;
        if (rowIn && ix >= 0 && ix < i32(p.w)) { xv = x[((img * p.c + cin) * p.h + u32(iy)) * p.w + u32(ix)]; }
        let wv = wt[((oc * cg + ci) * p.kh + a) * p.kw + b];
        s = s + xv * wv;
      }
    }
  }
  y[k] = s;
}
`;

interface Gpu {
  readonly device: GPUDevice;
  readonly pipeline: GPUComputePipeline;
}
let gpu: Promise<Gpu> | undefined;

async function openGpu(): Promise<Gpu> {
  if (typeof navigator === 'undefined' || !navigator.gpu) throw new Error('WebGPU is not available: navigator.gpu is undefined (run with --adapter page:…)');
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('WebGPU is available but requestAdapter() returned null (no GPU adapter, not even SwiftShader)');
  const device = await adapter.requestDevice();
  const module = device.createShaderModule({ code: SHADER });
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  return { device, pipeline };
}

/** A storage buffer holding `data` as float32 (at least 4 bytes: WebGPU rejects empty bindings). */
function storage(device: GPUDevice, data: ArrayLike<number>, usage = GPUBufferUsage.STORAGE): GPUBuffer {
  const buffer = device.createBuffer({ size: Math.max(4, data.length * 4), usage: usage | GPUBufferUsage.COPY_DST });
  if (data.length > 0) device.queue.writeBuffer(buffer, 0, Float32Array.from(data));
  return buffer;
}

async function conv2d(input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): Promise<TensorData> {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const shape = [g.batch, g.outChannels, g.h.out, g.w.out];
  const total = shape.reduce((a, b) => a * b, 1);
  if (total === 0) return { shape, data: new Float32Array(0) };
  const { device, pipeline } = await (gpu ??= openGpu());

  const groupsNeeded = Math.ceil(total / WORKGROUP);
  const gx = Math.min(groupsNeeded, MAX_GROUPS);
  const gy = Math.ceil(groupsNeeded / gx);
  const params = new Uint32Array([
    g.batch, g.inChannels, g.h.size, g.w.size,
    g.outChannels, g.h.kernel, g.w.kernel, g.h.out,
    g.w.out, g.h.stride, g.w.stride, g.h.dilation,
    g.w.dilation, g.h.padBefore, g.w.padBefore, g.groups,
    bias ? 1 : 0, total, gx * WORKGROUP, 0,
  ]);
  const uniform = device.createBuffer({ size: params.byteLength, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(uniform, 0, params);
  const buffers = [storage(device, input.data), storage(device, weight.data), storage(device, bias?.data ?? [])];
  const out = device.createBuffer({ size: total * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ size: total * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [...buffers, out, uniform].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });

  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(gx, gy);
  pass.end();
  encoder.copyBufferToBuffer(out, 0, readback, 0, total * 4);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const data = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  for (const b of [...buffers, out, readback, uniform]) b.destroy();
  return { shape, data };
}

const adapter: Adapter = {
  name: 'example-webgpu-conv2d',
  dtype: 'float32',
  supports: {
    features: {
      'conv2d.paddingMode.reflect': false,
      'conv2d.paddingMode.replicate': false,
      'conv2d.paddingMode.circular': false,
    },
  },
  conv2d: (input, weight, bias, opts) => {
    if ((opts?.paddingMode ?? 'zeros') !== 'zeros') throw new Error(`paddingMode ${opts?.paddingMode} is not implemented by this example`);
    return conv2d(input, weight, bias, opts);
  },
};
export default adapter;
