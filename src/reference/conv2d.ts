/**
 * conv2d in NCHW/OIHW (spec/conv2d.md, `conv.definition`). Padding of any mode is applied first with pad2d,
 * then a 'valid' correlation runs over the padded input (`conv.padding.mode`): one rule for all four modes.
 */
import type { Conv2dOptions } from '../adapter/contract.js';
import { conv2dGeometry, conv2dOutputShape, type Conv2dGeometry } from '../shape/conv2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { pad2d } from './pad2d.js';
import { pad2dModeOf } from '../shape/pad2dGeometry.js';
import type { WithAbsSum } from './withAbsSum.js';

export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: Conv2dOptions = {}): Tensor {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const padded = padForConv(input, g);
  return correlateValid(padded, weight, bias, g, null);
}

/**
 * conv2d and, in the same pass, Σ|x·w| (+ |bias|) per output element for the tolerance (`num.tolerance`): the
 * same sums as conv2d on |input|, |weight|, |bias|, in the same order, since |x|·|w| = |x·w| exactly and every
 * padding mode copies input values, so |pad(x)| = pad(|x|).
 */
export function conv2dWithAbsSum(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: Conv2dOptions = {}): WithAbsSum {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const absSum = tensor(conv2dOutputShape(g));
  const result = correlateValid(padForConv(input, g), weight, bias, g, absSum);
  return { result, absSum };
}

export function padForConv(input: Tensor, g: Conv2dGeometry): Tensor {
  const { top, bottom, left, right } = g.pads;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return input;
  return pad2d(input, g.pads, pad2dModeOf(g.paddingMode));
}

/**
 * out[n, o, i, j] = bias[o] + Σ_c Σ_a Σ_b P[n, gc + c, i·s_h + a·d_h, j·s_w + b·d_w] · W[o, c, a, b],
 * where P is the already padded input and gc the first input channel of o's group (`conv.groups`).
 *
 * Order of summation (`num.reference-float64`): each output is Σ from 0 over c, then a, then b ascending — the
 * order of forEachConvTap — then + bias. The loop nest is forEachConvTap's, written out with each output's sum in
 * a local: the same products added from 0 in the same order, so the same bits (test/helpers/referenceBound.test.ts
 * and test/reference/conv2dWrittenOut.test.ts check it against forEachConvTap). Kernels one column wide go to
 * correlateRows instead, the same sums in another loop order. Through
 * forEachConvTap's closure the forward ran at a tenth of the speed, which scale large cannot afford (a VGG-16
 * layer is 1.8·10⁹ products).
 */
function correlateValid(padded: Tensor, weight: Tensor, bias: Tensor | null, g: Conv2dGeometry, absSum: Tensor | null): Tensor {
  if (g.w.kernel === 1) return correlateRows(padded, weight, bias, g, absSum);
  const out = tensor(conv2dOutputShape(g));
  const x = padded.data;
  const w = weight.data;
  const sums = out.data;
  const abs = absSum?.data ?? null;
  const [, , ph = 0, pw = 0] = padded.shape;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { kernel: kernelH, stride: strideH, dilation: dilationH, out: outH } = g.h;
  const { kernel: kernelW, stride: strideW, dilation: dilationW, out: outW } = g.w;
  for (let n = 0; n < g.batch; n++) {
    for (let o = 0; o < g.outChannels; o++) {
      const firstChannel = Math.floor(o / groupOut) * groupIn;
      const outBase = (n * g.outChannels + o) * outH * outW;
      const b = bias === null ? 0 : bias.data[o]!;
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          let sum = 0;
          let sumAbs = 0;
          for (let c = 0; c < groupIn; c++) {
            const plane = (n * g.inChannels + firstChannel + c) * ph * pw;
            const kernel = (o * groupIn + c) * kernelH * kernelW;
            for (let a = 0; a < kernelH; a++) {
              const row = plane + (i * strideH + a * dilationH) * pw + j * strideW;
              const krow = kernel + a * kernelW;
              for (let k = 0; k < kernelW; k++) {
                const p = x[row + k * dilationW]! * w[krow + k]!;
                sum += p;
                sumAbs += Math.abs(p);
              }
            }
          }
          // The bias is added after the products, as one more term (`num.tolerance.terms`).
          sums[outBase + i * outW + j] = bias === null ? sum : sum + b;
          if (abs !== null) abs[outBase + i * outW + j] = bias === null ? sumAbs : sumAbs + Math.abs(b);
        }
      }
    }
  }
  return out;
}

/**
 * correlateValid for kernels one column wide (1 × 1 and k × 1, the bulk of the products of ResNet, MobileNet
 * and EfficientNet): there the per-output loop above runs 1 product per kernel row with a plane's jump between
 * channels. Here the running sums of an output row live in the output array (0 in a fresh tensor), and each tap
 * (c, a) is added to the whole row before the next, the weight held: every output still meets its products in
 * (c, a) order, so the same bits, and the inner loop runs along a row of P (2–2.5× faster on a 1 × 1 layer).
 */
function correlateRows(padded: Tensor, weight: Tensor, bias: Tensor | null, g: Conv2dGeometry, absSum: Tensor | null): Tensor {
  const out = tensor(conv2dOutputShape(g));
  const x = padded.data;
  const w = weight.data;
  const sums = out.data;
  const abs = absSum?.data ?? null;
  const [, , ph = 0, pw = 0] = padded.shape;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { kernel: kernelH, stride: strideH, dilation: dilationH, out: outH } = g.h;
  const { stride: strideW, out: outW } = g.w;
  for (let n = 0; n < g.batch; n++) {
    for (let o = 0; o < g.outChannels; o++) {
      const firstChannel = Math.floor(o / groupOut) * groupIn;
      const outBase = (n * g.outChannels + o) * outH * outW;
      for (let i = 0; i < outH; i++) {
        const row = outBase + i * outW;
        for (let c = 0; c < groupIn; c++) {
          const plane = (n * g.inChannels + firstChannel + c) * ph * pw;
          const kernel = (o * groupIn + c) * kernelH;
          for (let a = 0; a < kernelH; a++) {
            const from = plane + (i * strideH + a * dilationH) * pw;
            const wv = w[kernel + a]!;
            if (abs === null) {
              for (let j = 0; j < outW; j++) sums[row + j]! += x[from + j * strideW]! * wv;
            } else {
              for (let j = 0; j < outW; j++) {
                const p = x[from + j * strideW]! * wv;
                sums[row + j]! += p;
                abs[row + j]! += Math.abs(p);
              }
            }
          }
        }
        // The bias is added after the products, as one more term (`num.tolerance.terms`).
        if (bias !== null) {
          const b = bias.data[o]!;
          for (let j = 0; j < outW; j++) sums[row + j]! += b;
          if (abs !== null) for (let j = 0; j < outW; j++) abs[row + j]! += Math.abs(b);
        }
      }
    }
  }
  return out;
}

/**
 * Every product of the valid correlation of the padded input P with W, as (output index, P index, W index), in
 * the order the sums run: output by output (row-major), then channel, kernel row, kernel column. The one loop
 * nest the forward sums through and the backward (conv2dBackward.ts) spreads back through.
 */
export function forEachConvTap(g: Conv2dGeometry, paddedShape: readonly number[], visit: (outIndex: number, inIndex: number, weightIndex: number) => void): void {
  const [, , ph = 0, pw = 0] = paddedShape;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { kernel: kernelH, stride: strideH, dilation: dilationH, out: outH } = g.h;
  const { kernel: kernelW, stride: strideW, dilation: dilationW, out: outW } = g.w;
  for (let n = 0; n < g.batch; n++) {
    for (let o = 0; o < g.outChannels; o++) {
      const firstChannel = Math.floor(o / groupOut) * groupIn;
      const outBase = (n * g.outChannels + o) * outH * outW;
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          const outIndex = outBase + i * outW + j;
          for (let c = 0; c < groupIn; c++) {
            const plane = (n * g.inChannels + firstChannel + c) * ph * pw;
            const kernel = (o * groupIn + c) * kernelH * kernelW;
            for (let a = 0; a < kernelH; a++) {
              const row = plane + (i * strideH + a * dilationH) * pw + j * strideW;
              const krow = kernel + a * kernelW;
              for (let k = 0; k < kernelW; k++) visit(outIndex, row + k * dilationW, krow + k);
            }
          }
        }
      }
    }
  }
}
