/**
 * The two wrong-term deviations of onnxruntime-web's webgpu provider behind spec/numerics.md's
 * `num.calibration.declarations` row (error/bound 8.4·10⁴ on conv2d, 1.1·10⁶ on convTranspose2d), shown on the
 * library directly: one ONNX node in a page (fixtures/ortWebgpuDirect.ts), on each minimal case. What the spec
 * asks (`conv.definition`, `convt.groups`) is derived by hand beside each call. Neither is rounding: each answer
 * is a sum of the wrong products, exact in float32 here (small integers), while a different path of the same
 * library answers the same sum right. When ORT fixes one, its test fails here and the spec paragraph is to be
 * updated with it. Skipped without Chromium; a page without a WebGPU adapter skips with that reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { channelAdapter } from '../../src/isolation/channelAdapter.js';
import { pageChannel } from '../../src/isolation/page/pageChannel.js';
import { FULL_TIER, FULL_TIER_ONLY } from '../tier.js';

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
// Full tier (test/tier.ts): starting ORT's WebGPU runtime on SwiftShader takes about 30 s before the first call.
const missing = !FULL_TIER ? FULL_TIER_ONLY : !existsSync(join(root, 'node_modules', 'onnxruntime-web', 'package.json')) ? 'onnxruntime-web is not installed' : !existsSync(CHROMIUM) ? `no ${CHROMIUM} (apt-get install -y chromium)` : '';
const assets = ['mjs', 'wasm'].map((ext) => ({ package: 'onnxruntime-web', file: `dist/ort-wasm-simd-threaded.asyncify.${ext}` }));
const t = (shape: number[], data: number[]) => ({ shape, data });
const values = async (p: Promise<{ data: ArrayLike<number> }>) => Array.from((await p).data);
/** The fixture's methods take ONNX attributes (`group`, `strides`), not the contract's options. */
type OnnxNodeCall = (x: TensorData, w: TensorData, bias: null, attributes: Record<string, unknown>) => Promise<TensorData>;

describe.skipIf(missing !== '')(`onnxruntime-web's webgpu provider called directly${missing ? ` — skipped: ${missing}` : ''}`, { timeout: 120_000 }, () => {
  let ort: Adapter | undefined;
  let noGpu = '';
  beforeAll(async () => {
    try {
      ort = await channelAdapter(pageChannel(join(import.meta.dirname, 'fixtures', 'ortWebgpuDirect.ts'), { browserPath: CHROMIUM, assets }), { timeoutMs: 60_000 });
      await ort.conv2d!(t([1, 1, 1, 1], [1]), t([1, 1, 1, 1], [1]), null, {});
    } catch (e) {
      if (!/webgpu|WebGPU|requestAdapter/.test(String(e))) throw e;
      noGpu = `no WebGPU in this Chromium: ${String(e).slice(0, 200)}`;
    }
  }, 120_000);
  afterAll(() => ort?.close?.());
  const conv: OnnxNodeCall = (...a) => (ort!.conv2d as unknown as OnnxNodeCall)(...a);
  const convT: OnnxNodeCall = (...a) => (ort!.convTranspose2d as unknown as OnnxNodeCall)(...a);

  it('Conv reads the wrong input channels when C is a multiple of 3 but not of 4 and O of 4 (§conv.definition)', async (ctx) => {
    if (noGpu) return ctx.skip(noGpu);
    // Channel c of x is c + 1 on all 3 columns of one row (6 channels), W all ones (4 × 6 × 1 × 2): each of the
    // 1 × 2 outputs of each channel is Σ over 6 channels and 2 taps = 2·21 = 42. A 1 × 2 kernel over 3 columns
    // takes neither of ORT's MatMul shortcuts (1 × 1, or kernel = input) but Conv2dMMProgram, which packs channels
    // as vec3 when C % 3 = 0, C % 4 ≠ 0 and O % 4 = 0, then indexes the input channel as xCh / 4
    // (conv2d_mm.cc, coord_a_snippet): the group 3…5 reads channels 0…2 again, so each output is 2·2·(1 + 2 + 3) = 24.
    const x = (c: number, w: number) => t([1, c, 1, w], Array.from({ length: c * w }, (_, i) => Math.floor(i / w) + 1));
    const ones = (c: number, kw: number) => t([4, c, 1, kw], new Array<number>(4 * c * kw).fill(1));
    expect(await values(conv(x(6, 3), ones(6, 2), null, {}))).toEqual(new Array<number>(8).fill(24));
    // The same channels with a 1 × 3 kernel (kernel = input: the MatMul path) are right, 3·21 = 63, and so are
    // 4 channels (vec4, no vec3) with the 1 × 2 kernel, 2·10 = 20.
    expect(await values(conv(x(6, 3), ones(6, 3), null, {}))).toEqual(new Array<number>(4).fill(63));
    expect(await values(conv(x(4, 3), ones(4, 2), null, {}))).toEqual(new Array<number>(8).fill(20));
  });

  it('ConvTranspose with 2 input channels and 1 output channel per group reads group 1 from the wrong weights (§convt.groups)', async (ctx) => {
    if (noGpu) return ctx.skip(noGpu);
    // x = [1, 2, 3, 4] (4 channels, one pixel), W = [10, 20, 30, 40] (4 × 1 × 1 × 1), group 2: output channel g sums
    // its group's two channels, y = [1·10 + 2·20, 3·30 + 4·40] = [50, 250]. ORT's ConvTranspose2DProgram reads the
    // two channels as one vec2 but offsets the weight by the scalar channel index (groupId · 2) in vec2 units, past
    // the 4 weights for group 1, which reads as 0 (conv_backprop_webgpu.cc, a_components = 2).
    const x = t([1, 4, 1, 1], [1, 2, 3, 4]);
    expect(await values(convT(x, t([4, 1, 1, 1], [10, 20, 30, 40]), null, { group: 2 }))).toEqual([50, 0]);
    // One channel per group (group 4) is right: y = [10, 40, 90, 160].
    expect(await values(convT(x, t([4, 1, 1, 1], [10, 20, 30, 40]), null, { group: 4 }))).toEqual([10, 40, 90, 160]);
  });
});
