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
