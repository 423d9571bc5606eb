/**
 * conv2d's forward sums output by output, or, for kernels one column wide, adds one tap (c, a) to a whole
 * output row before the next (correlateRows, src/reference/conv2d.ts); either way each output must meet its
 * products in forEachConvTap's order — output by output, then c, a, b — and
 * so equal, bit for bit, the sum taken through forEachConvTap (the generic walk the backward also uses, not the
 * code under test), Σ|x·w| likewise. Values are full float64 mantissas with ±0 mixed in, so any reordering of
 * a sum can show in the last bit; the last test checks that it does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Conv2dOptions, PaddingMode } from '../../src/adapter/contract.js';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { conv2dWithAbsSum, forEachConvTap, padForConv } from '../../src/reference/conv2d.js';
import { conv2dGeometry, conv2dOutputShape } from '../../src/shape/conv2dGeometry.js';
import { tensor, type Tensor } from '../../src/tensor/tensor.js';

interface Case {
  readonly input: Tensor;
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly options: Conv2dOptions;
}

/** Kernels to 5 × 5, strides and dilations to 3, numeric padding in every mode, groups and batches. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    groupIn: fc.integer({ min: 1, max: 4 }),
    groupOut: fc.integer({ min: 1, max: 3 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
    paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
    extra: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })),
    bias: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((p) => {
    // Input large enough for one window and for the reflect/circular limits (pad < size, pad ≤ size).
    const size = [0, 1].map((k) => Math.max(p.dilation[k]! * (p.kernel[k]! - 1) + 1 - 2 * p.padding[k]!, p.padding[k]! + 1, 1) + p.extra[k]!);
    const random = mulberry32(p.seed);
    const value = () => {
      const u = random();
      return u < 0.03 ? 0 : u < 0.06 ? -0 : 2 * random() - 1;
    };
    const filled = (shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, value));
    const inC = p.groups * p.groupIn;
    return {
      input: filled([p.batch, inC, size[0]!, size[1]!]),
      weight: filled([p.groups * p.groupOut, p.groupIn, p.kernel[0], p.kernel[1]]),
      bias: p.bias ? filled([p.groups * p.groupOut]) : null,
      options: { stride: p.stride, dilation: p.dilation, padding: p.padding, paddingMode: p.paddingMode, groups: p.groups },
    };
  });

/** Σ through forEachConvTap, from 0 in its order, then + bias; the same for |x·w| and |bias|. */
function byTaps(c: Case, permute: (t: Tensor) => Tensor = (t) => t): { result: Float64Array; absSum: Float64Array } {
  const g = conv2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options);
  const padded = permute(padForConv(c.input, g));
  const w = permute(c.weight);
  const size = conv2dOutputShape(g).reduce((a, b) => a * b, 1);
  const result = new Float64Array(size);
  const absSum = new Float64Array(size);
  forEachConvTap(g, padded.shape, (o, k, q) => {
    const p = padded.data[k]! * w.data[q]!;
    result[o]! += p;
    absSum[o]! += Math.abs(p);
  });
  if (c.bias !== null) {
    const plane = g.h.out * g.w.out;
    for (let t = 0; t < size; t++) {
      const b = c.bias.data[Math.floor(t / plane) % g.outChannels]!;
      result[t]! += b;
      absSum[t]! += Math.abs(b);
    }
  }
  return { result, absSum };
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe("conv2d's forward sums in forEachConvTap's order, bit for bit", () => {
  it('result and Σ|x·w| on random cases (every padding mode, groups, strides, dilations, kernels to 5 × 5)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const fresh = conv2dWithAbsSum(c.input, c.weight, c.bias, c.options);
        const taps = byTaps(c);
        expect(sameBits(fresh.result.data, taps.result)).toBe(true);
        expect(sameBits(fresh.absSum!.data, taps.absSum)).toBe(true);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it('a 1 × 1 layer and a 3 × 3 layer at scale large (64 → 32 channels on 20 × 20)', () => {
    const random = mulberry32(3);
    const filled = (shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * random() - 1));
    for (const k of [1, 3]) {
      const c: Case = { input: filled([1, 64, 20, 20]), weight: filled([32, 64, k, k]), bias: filled([32]), options: { padding: (k - 1) / 2 } };
      expect(sameBits(conv2dWithAbsSum(c.input, c.weight, c.bias, c.options).result.data, byTaps(c).result)).toBe(true);
    }
  });

  it('the comparison sees the order of summation: the channels reversed give other bits somewhere', () => {
    // Reversing the channel axis of both P (axis 1) and W (axis 1), groups 1, keeps every product and reverses
    // the order of the channel sums: close, yet not the same bits on many cases.
    let differs = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        if (c.options.groups !== 1 || c.input.shape[1]! < 2) return;
        const reverse = (t: Tensor) => {
          const [n = 1, ch = 1] = t.shape;
          const inner = t.data.length / (n * ch);
          const r = tensor(t.shape);
          for (let b = 0; b < n; b++) for (let k = 0; k < ch; k++) r.data.set(t.data.subarray((b * ch + ch - 1 - k) * inner, (b * ch + ch - k) * inner), (b * ch + k) * inner);
          return r;
        };
        const fresh = conv2dWithAbsSum(c.input, c.weight, c.bias, c.options).result.data;
        const reversed = byTaps(c, reverse).result;
        expect(fresh.every((v, i) => Math.abs(v - reversed[i]!) <= 1e-12)).toBe(true);
        if (!sameBits(fresh, reversed)) differs++;
      }),
      { seed: 20261207, numRuns: 400 },
    );
    expect(differs).toBeGreaterThan(20);
  });
});
