/**
 * pad2d and pad2dBackward walk padSourceMaps' row and column maps in written-out loops; before, both went
 * through forEachPadSource's closure, one call per output element (a 512 × 242 × 242 pad took seconds). The
 * forward copies, so it must return the same values; the backward adds several output gradients into one
 * source under reflect/replicate/circular, so it must add them in the same (row-major output) order: both
 * are checked bit for bit against the replaced code, copied below from src/reference/pad2d.ts and
 * pad2dBackward.ts at c77482e — the golden is the old implementation, not the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pad2dMode } from '../../src/adapter/contract.js';
import { pad2d, sourceIndex } from '../../src/reference/pad2d.js';
import { pad2dBackward } from '../../src/reference/pad2dBackward.js';
import { pad2dGeometry, pad2dOutputShape, type Pad2dGeometry } from '../../src/shape/pad2dGeometry.js';
import { tensor, type Tensor } from '../../src/tensor/tensor.js';
import { pad2dCaseArb } from '../../properties/arbitraries/pad2dCase.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';

// ---- the replaced code (c77482e) ----

function keptSource(i: number, kept: number, crop: number, mode: Pad2dMode): number {
  const k = sourceIndex(i, kept, mode);
  return k < 0 ? -1 : k + crop;
}

function forEachPadSource(g: Pad2dGeometry, mode: Pad2dMode, planes: number, visit: (outIndex: number, inIndex: number) => void): void {
  const { height, width, outH, outW } = g;
  const rowSource = Int32Array.from({ length: outH }, (_, o) => keptSource(o - Math.max(0, g.pads.top), g.keptH, g.cropTop, mode));
  const colSource = Int32Array.from({ length: outW }, (_, o) => keptSource(o - Math.max(0, g.pads.left), g.keptW, g.cropLeft, mode));
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    const outBase = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      const r = rowSource[i]!;
      for (let j = 0; j < outW; j++) {
        const c = colSource[j]!;
        visit(outBase + i * outW + j, r < 0 || c < 0 ? -1 : inBase + r * width + c);
      }
    }
  }
}

function oldPad2d(input: Tensor, g: Pad2dGeometry, mode: Pad2dMode, value: number): Tensor {
  const out = tensor(pad2dOutputShape(g));
  forEachPadSource(g, mode, input.data.length / (g.height * g.width), (o, k) => (out.data[o] = k < 0 ? value : input.data[k]!));
  return out;
}

function oldPad2dBackward(inputShape: readonly number[], gradOutput: Tensor, g: Pad2dGeometry, mode: Pad2dMode): Tensor {
  const gradInput = tensor(inputShape);
  forEachPadSource(g, mode, gradInput.data.length / (g.height * g.width), (o, k) => {
    if (k >= 0) gradInput.data[k]! += gradOutput.data[o]!;
  });
  return gradInput;
}

const sameBits = (a: Tensor, b: Tensor) => a.shape.join() === b.shape.join() && a.data.every((v, i) => Object.is(v, b.data[i]));

describe('pad2d references equal the closure walk they replaced, bit for bit', () => {
  it('forward and backward on every mode, negative pads, pads at the reflect/circular limits', () => {
    let accumulated = 0;
    fc.assert(
      fc.property(pad2dCaseArb(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (c, seed) => {
        const input = tensor(c.input.shape, c.input.data);
        const g = pad2dGeometry(input.shape, c.pads, c.mode);
        expect(sameBits(pad2d(input, c.pads, c.mode, c.value), oldPad2d(input, g, c.mode, c.value))).toBe(true);
        // Full-mantissa gradients, so a different order of accumulation would show.
        const random = mulberry32(seed);
        const shape = pad2dOutputShape(g);
        const gradOutput = tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * random() - 1));
        expect(sameBits(pad2dBackward(input.shape, gradOutput, c.pads, c.mode), oldPad2dBackward(input.shape, gradOutput, g, c.mode))).toBe(true);
        if (c.mode !== 'constant' && (c.pads.top > 0 || c.pads.left > 0)) accumulated++;
      }),
      { seed: 20261207, numRuns: 500 },
    );
    // Cases where several gradients meet in one source (or the order was never at stake).
    expect(accumulated).toBeGreaterThan(100);
  });
});
