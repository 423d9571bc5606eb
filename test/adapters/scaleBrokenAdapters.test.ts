/**
 * Each scale broken adapter (scaleBrokenAdapters.ts) is wrong only at scale or at a boundary: it agrees with the
 * reference on its tiny case and disagrees on the minimal configuration it states, computed directly (no
 * fast-check). Inputs are nonzero quarter-integers of both signs (so a dropped term always shows and sums are
 * exact); `nan` cases put NaN at each plane's first element.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { descriptorCall } from '../../src/shape/descriptor/descriptorCall.js';
import { parseDescriptor } from '../../src/shape/descriptor/parseDescriptor.js';
import { brokenAdapters } from './brokenAdapters.js';
import { scaleBrokenAdapters, type ScaleCase } from './scaleBrokenAdapters.js';

function values(shape: readonly number[], seed: number, nanPlanes: boolean): TensorData {
  const random = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const plane = shape.length >= 2 ? shape[shape.length - 1]! * shape[shape.length - 2]! : n;
  const data = Float64Array.from({ length: n }, (_, k) => {
    if (nanPlanes && k % plane === 0) return NaN;
    const magnitude = 1 + Math.floor(random() * 8); // 1 … 8 quarters, never 0
    return (random() < 0.5 ? -magnitude : magnitude) / 4;
  });
  return { shape: [...shape], data };
}

async function run(adapter: Adapter, c: ScaleCase): Promise<TensorData> {
  if ('pad2d' in c) return adapter.pad2d!(values(c.pad2d.shape, 11, false), c.pad2d.pads, 'circular');
  const call = descriptorCall(parseDescriptor(c.descriptor));
  const input = values(call.inputShape, 7, c.nan ?? false);
  switch (call.op) {
    case 'conv2d': return adapter.conv2d!(input, values(call.weightShape, 8, false), values(call.biasShape, 9, false), call.options);
    case 'convTranspose2d': return adapter.convTranspose2d!(input, values(call.weightShape, 8, false), values(call.biasShape, 9, false), call.options);
    case 'maxPool2d': return adapter.maxPool2d!(input, call.options);
    case 'avgPool2d': return adapter.avgPool2d!(input, call.options);
  }
}

/** Same shape and every element equal (NaN equals NaN; sums of quarter-integers are exact, so no tolerance). */
function agrees(a: TensorData, b: TensorData): boolean {
  return JSON.stringify(a.shape) === JSON.stringify(b.shape) && Array.from(a.data).every((v, k) => Object.is(v, b.data[k]) || v === b.data[k]);
}

describe('scale broken adapters: right on tiny cases, wrong on their stated minimal configuration', () => {
  it('there are at least 12, with distinct names that do not clash with the 29 existing broken adapters', () => {
    const names = scaleBrokenAdapters.map((b) => b.adapter.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(new Set(names).size).toBe(names.length);
    const existing = new Set(brokenAdapters.map((b) => b.adapter.name));
    expect(names.filter((n) => existing.has(n))).toEqual([]);
    for (const b of scaleBrokenAdapters) {
      expect(b.bug.length, b.adapter.name).toBeGreaterThan(30);
      expect(Object.keys(b.minimal).length, b.adapter.name).toBeGreaterThan(0);
    }
  });

  for (const b of scaleBrokenAdapters) {
    const label = (c: ScaleCase) => ('pad2d' in c ? `pad2d ${JSON.stringify(c.pad2d)}` : c.descriptor);
    it(`${b.adapter.name}: agrees on ${label(b.tiny)}, disagrees on ${label(b.shows)} (minimal ${JSON.stringify(b.minimal)})`, async () => {
      expect(agrees(await run(b.adapter, b.tiny), await run(reference, b.tiny))).toBe(true);
      expect(agrees(await run(b.adapter, b.shows), await run(reference, b.shows))).toBe(false);
    });
  }
});

/**
 * The two adapters that mimic onnxruntime-web 1.30's WebGPU provider answer what that library answered on the
 * same calls (golden values measured on it in Chromium: test/adapters-real/webDeviationsOrtWebgpu.test.ts and a
 * one-hot scan), not what the reference computes.
 */
describe('the ORT WebGPU mimics answer what ORT WebGPU answered', () => {
  const t = (shape: number[], data: number[]): TensorData => ({ shape, data: Float64Array.from(data) });
  const byName = (name: string) => scaleBrokenAdapters.find((b) => b.adapter.name === name)!.adapter;
  const rows = (c: number, w: number) => t([1, c, 1, w], Array.from({ length: c * w }, (_, i) => Math.floor(i / w) + 1));
  const ones = (o: number, c: number, kw: number) => t([o, c, 1, kw], new Array<number>(o * c * kw).fill(1));

  it('conv2d, channel c = c + 1 on 1 × 3, all-ones 4 × C × 1 × 2 weights: C = 6 sums channels 1 2 3 twice (24), C = 9 sums 1 2 3 1 2 3 2 3 4 (42)', async () => {
    const conv = byName('ort-webgpu-conv-vec3-channels');
    expect(Array.from((await conv.conv2d!(rows(6, 3), ones(4, 6, 2), null, {})).data)).toEqual(new Array<number>(8).fill(24));
    expect(Array.from((await conv.conv2d!(rows(9, 3), ones(4, 9, 2), null, {})).data)).toEqual(new Array<number>(8).fill(42));
    // ORT's matmul path (kernel = input) and 4 channels (vec4) are right: 3·21 = 63 and 2·10 = 20.
    expect(Array.from((await conv.conv2d!(rows(6, 3), ones(4, 6, 3), null, {})).data)).toEqual(new Array<number>(4).fill(63));
    expect(Array.from((await conv.conv2d!(rows(4, 3), ones(4, 4, 2), null, {})).data)).toEqual(new Array<number>(8).fill(20));
  });

  it('convTranspose2d, x = [1, 2, 3, 4] (one pixel), W = [10, 20, 30, 40]: groups 2 → [50, 0]; groups 4 → [10, 40, 90, 160]; 6 channels in 3 groups → [50, 390, 0]', async () => {
    const convT = byName('ort-webgpu-convt-vec2-group-weights');
    const x = t([1, 4, 1, 1], [1, 2, 3, 4]);
    const w = t([4, 1, 1, 1], [10, 20, 30, 40]);
    expect(Array.from((await convT.convTranspose2d!(x, w, null, { groups: 2 })).data)).toEqual([50, 0]);
    expect(Array.from((await convT.convTranspose2d!(x, w, null, { groups: 4 })).data)).toEqual([10, 40, 90, 160]);
    const x6 = t([1, 6, 1, 1], [1, 2, 3, 4, 5, 6]);
    const w6 = t([6, 1, 1, 1], [10, 20, 30, 40, 50, 60]);
    expect(Array.from((await convT.convTranspose2d!(x6, w6, null, { groups: 3 })).data)).toEqual([50, 390, 0]);
  });

  it('convTranspose2d with a 2 × 2 kernel: group 1 takes taps 1, 2, 3 of channels 0 and 1 for its taps 0, 1, 2 (one-hot scan)', async () => {
    const convT = byName('ort-webgpu-convt-vec2-group-weights');
    const w = t([4, 1, 2, 2], Array.from({ length: 16 }, (_, i) => 2 ** i));
    const oneHot = (c: number) => t([1, 4, 1, 1], [0, 1, 2, 3].map((i) => (i === c ? 1 : 0)));
    // Output channel 1 (positions 4 … 7) for x = e2 and e3; ORT's last tap read the weight's last pair (2¹¹, 2¹⁵), here 0.
    expect(Array.from((await convT.convTranspose2d!(oneHot(2), w, null, { groups: 2 })).data).slice(4, 7)).toEqual([2 ** 1, 2 ** 2, 2 ** 3]);
    expect(Array.from((await convT.convTranspose2d!(oneHot(3), w, null, { groups: 2 })).data).slice(4, 7)).toEqual([2 ** 5, 2 ** 6, 2 ** 7]);
    // Group 0 is right: e0 and e1 get their own taps 0 … 3.
    expect(Array.from((await convT.convTranspose2d!(oneHot(1), w, null, { groups: 2 })).data).slice(0, 4)).toEqual([2 ** 4, 2 ** 5, 2 ** 6, 2 ** 7]);
  });
});
