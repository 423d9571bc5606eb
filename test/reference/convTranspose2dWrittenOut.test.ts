/**
 * The convTranspose2d references gather over precomputed taps (src/shape/transposedTaps.ts); before, they were
 * written as one scatter-shaped loop nest with a range test per tap. The gathers must add the same products
 * in the same order (the order of summation their doc comments state, `num.reference-float64`), so they must
 * equal the scatter bit for bit. `scatterForward` and `scatterBackward` below are the replaced code, copied
 * from src/reference/convTranspose2d.ts and convTranspose2dBackward.ts at c77482e (only renamed, and the
 * geometry passed in): the golden here is the old implementation, not the code under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/autograd/seededRandom.js';
import { convTranspose2d, convTranspose2dWithAbsSum } from '../../src/reference/convTranspose2d.js';
import { convTranspose2dBackward } from '../../src/reference/convTranspose2dBackward.js';
import { biasGradient } from '../../src/reference/conv2dBackward.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape, type ConvTranspose2dGeometry } from '../../src/shape/convTranspose2dGeometry.js';
import { transposedOutputSize } from '../../src/shape/windowOutputSize.js';
import { tensor, type Tensor } from '../../src/tensor/tensor.js';
import type { ConvTranspose2dOptions } from '../../src/adapter/contract.js';

// ---- the replaced code (c77482e), verbatim but for names ----

function scatterForward(input: Tensor, weight: Tensor, bias: Tensor | null, g: ConvTranspose2dGeometry): { result: Tensor; absSum: Tensor } {
  const out = tensor(convTranspose2dOutputShape(g));
  const absSum = tensor(out.shape);
  const abs = absSum.data;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, out: outH } = g.h;
  const { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, out: outW } = g.w;
  for (let n = 0; n < g.batch; n++) {
    for (let c = 0; c < g.inChannels; c++) {
      const firstOut = Math.floor(c / groupIn) * groupOut;
      const inPlane = (n * g.inChannels + c) * height * width;
      for (let o = 0; o < groupOut; o++) {
        const outPlane = (n * g.outChannels + firstOut + o) * outH * outW;
        const kernel = (c * groupOut + o) * kernelH * kernelW;
        for (let i = 0; i < height; i++) {
          for (let j = 0; j < width; j++) {
            const v = input.data[inPlane + i * width + j]!;
            for (let a = 0; a < kernelH; a++) {
              const y = i * strideH - padH + a * dilationH;
              if (y < 0 || y >= outH) continue;
              for (let b = 0; b < kernelW; b++) {
                const x = j * strideW - padW + b * dilationW;
                if (x < 0 || x >= outW) continue;
                const p = v * weight.data[kernel + a * kernelW + b]!;
                out.data[outPlane + y * outW + x]! += p;
                abs[outPlane + y * outW + x]! += Math.abs(p);
              }
            }
          }
        }
      }
    }
  }
  if (bias !== null) {
    const plane = outH * outW;
    for (let n = 0; n < g.batch; n++) {
      for (let o = 0; o < g.outChannels; o++) {
        const base = (n * g.outChannels + o) * plane;
        const b = bias.data[o]!;
        for (let k = 0; k < plane; k++) out.data[base + k]! += b;
        for (let k = 0; k < plane; k++) abs[base + k]! += Math.abs(b);
      }
    }
  }
  return { result: out, absSum };
}

function scatterBackward(input: Tensor, weight: Tensor, bias: Tensor | null, gradOutput: Tensor, g: ConvTranspose2dGeometry) {
  const gradInput = tensor(input.shape);
  const gradWeight = tensor(weight.shape);
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, out: outH } = g.h;
  const { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, out: outW } = g.w;
  const gOut = gradOutput.data;
  for (let n = 0; n < g.batch; n++) {
    for (let c = 0; c < g.inChannels; c++) {
      const firstOut = Math.floor(c / groupIn) * groupOut;
      const inPlane = (n * g.inChannels + c) * height * width;
      for (let o = 0; o < groupOut; o++) {
        const outPlane = (n * g.outChannels + firstOut + o) * outH * outW;
        const kernel = (c * groupOut + o) * kernelH * kernelW;
        for (let i = 0; i < height; i++) {
          for (let j = 0; j < width; j++) {
            const v = input.data[inPlane + i * width + j]!;
            let gathered = 0;
            for (let a = 0; a < kernelH; a++) {
              const y = i * strideH - padH + a * dilationH;
              if (y < 0 || y >= outH) continue;
              for (let b = 0; b < kernelW; b++) {
                const x = j * strideW - padW + b * dilationW;
                if (x < 0 || x >= outW) continue;
                const go = gOut[outPlane + y * outW + x]!;
                gathered += go * weight.data[kernel + a * kernelW + b]!;
                gradWeight.data[kernel + a * kernelW + b]! += v * go;
              }
            }
            gradInput.data[inPlane + i * width + j]! += gathered;
          }
        }
      }
    }
  }
  return { input: gradInput, weight: gradWeight, bias: bias === null ? undefined : biasGradient(gradOutput, g.outChannels) };
}

// ---- random cases ----

interface Case {
  readonly input: Tensor;
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly gradOutput: Tensor;
  readonly options: ConvTranspose2dOptions;
}

/**
 * Wider than the operator's arbitraries: kernels to 5 (non-square), strides and dilations to 3, padding past
 * the kernel's reach (whole rows cropped), output padding to its limit, groups, batches. Values are full
 * float64 mantissas in [−1, 1) (so every reordering of a sum can show in the last bit), with ±0 mixed in.
 */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    groupIn: fc.integer({ min: 1, max: 4 }),
    groupOut: fc.integer({ min: 1, max: 3 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
    outputPadding: fc.tuple(fc.nat(), fc.nat()),
    size: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })),
    bias: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((p) => {
    const outputPadding: [number, number] = [0, 1].map((k) => p.outputPadding[k]! % Math.max(p.stride[k]!, p.dilation[k]!)) as [number, number];
    let [h, w] = p.size;
    while (transposedOutputSize(h, p.kernel[0], p.stride[0], p.dilation[0], p.padding[0], outputPadding[0]) < 1) h++;
    while (transposedOutputSize(w, p.kernel[1], p.stride[1], p.dilation[1], p.padding[1], outputPadding[1]) < 1) w++;
    const random = mulberry32(p.seed);
    const value = () => {
      const u = random();
      return u < 0.03 ? 0 : u < 0.06 ? -0 : 2 * random() - 1;
    };
    const filled = (shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, value));
    const inC = p.groups * p.groupIn;
    const options: ConvTranspose2dOptions = { stride: p.stride, padding: p.padding, outputPadding, dilation: p.dilation, groups: p.groups };
    const input = filled([p.batch, inC, h, w]);
    const weight = filled([inC, p.groupOut, p.kernel[0], p.kernel[1]]);
    const bias = p.bias ? filled([p.groups * p.groupOut]) : null;
    const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, options);
    return { input, weight, bias, gradOutput: filled(convTranspose2dOutputShape(g)), options };
  });

const geometryOf = (c: Case) => convTranspose2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options);
const sameBits = (a: Tensor | undefined, b: Tensor | undefined) =>
  a === undefined || b === undefined ? a === b : a.shape.join() === b.shape.join() && a.data.every((v, i) => Object.is(v, b.data[i]));

describe('convTranspose2d references equal the scatter loops they replaced, bit for bit', () => {
  it('forward and Σ|x·w| (with and without bias, every stride, dilation, padding, output padding, groups)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const old = scatterForward(c.input, c.weight, c.bias, geometryOf(c));
        const fresh = convTranspose2dWithAbsSum(c.input, c.weight, c.bias, c.options);
        expect(sameBits(fresh.result, old.result)).toBe(true);
        expect(sameBits(fresh.absSum ?? undefined, old.absSum)).toBe(true);
        expect(sameBits(convTranspose2d(c.input, c.weight, c.bias, c.options), old.result)).toBe(true);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it('backward: input, weight and bias gradients', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const old = scatterBackward(c.input, c.weight, c.bias, c.gradOutput, geometryOf(c));
        const fresh = convTranspose2dBackward(c.input, c.weight, c.bias, c.gradOutput, c.options);
        expect(sameBits(fresh.input, old.input)).toBe(true);
        expect(sameBits(fresh.weight, old.weight)).toBe(true);
        expect(sameBits(fresh.bias, old.bias)).toBe(true);
      }),
      { seed: 20261208, numRuns: 400 },
    );
  });

  it('a decoder layer at scale large (DCGAN 4×4 stride 2 padding 1, 64 → 32 channels, 16×16 → 32×32)', () => {
    const random = mulberry32(7);
    const filled = (shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * random() - 1));
    const options: ConvTranspose2dOptions = { stride: 2, padding: 1 };
    const input = filled([1, 64, 16, 16]);
    const weight = filled([64, 32, 4, 4]);
    const bias = filled([32]);
    const g = convTranspose2dGeometry(input.shape, weight.shape, bias.shape, options);
    const gradOutput = filled(convTranspose2dOutputShape(g));
    expect(sameBits(convTranspose2d(input, weight, bias, options), scatterForward(input, weight, bias, g).result)).toBe(true);
    const fresh = convTranspose2dBackward(input, weight, bias, gradOutput, options);
    const old = scatterBackward(input, weight, bias, gradOutput, g);
    expect(sameBits(fresh.input, old.input) && sameBits(fresh.weight, old.weight)).toBe(true);
  });

  it('the comparison sees the order of summation: the scatter with its channels reversed differs in some last bit', () => {
    // Meta-test: were every sum here exact, any order would pass the tests above. Summing the same products
    // with the input channels in the opposite order must change some result on these cases.
    let differs = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const g = geometryOf(c);
        if (g.inChannels / g.groups < 2) return;
        // Reverses the input channels within each group: axis 1 of the input, axis 0 of the weight.
        const flip = (t: Tensor, axis: 0 | 1) => {
          const outer = axis === 0 ? 1 : t.shape[0]!;
          const channels = t.shape[axis]!;
          const inner = t.data.length / (outer * channels);
          const per = channels / g.groups;
          const r = tensor(t.shape);
          for (let b = 0; b < outer; b++) {
            for (let k = 0; k < channels; k++) {
              const first = Math.floor(k / per) * per;
              const src = first + per - 1 - (k - first);
              r.data.set(t.data.subarray((b * channels + src) * inner, (b * channels + src + 1) * inner), (b * channels + k) * inner);
            }
          }
          return r;
        };
        // Reversing the channels of both input and weight keeps every product and reverses their order.
        const reversed = scatterForward(flip(c.input, 1), flip(c.weight, 0), c.bias, g).result;
        const fresh = convTranspose2d(c.input, c.weight, c.bias, c.options);
        // The same sums up to rounding (so the flip kept every product) …
        expect(fresh.data.every((v, i) => Math.abs(v - reversed.data[i]!) <= 1e-12)).toBe(true);
        // … and yet, somewhere, not the same bits.
        if (!sameBits(reversed, fresh)) differs++;
      }),
      { seed: 20261207, numRuns: 400 },
    );
    expect(differs).toBeGreaterThan(20);
  });
});
