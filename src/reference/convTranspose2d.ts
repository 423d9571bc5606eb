/**
 * Transposed convolution (spec/conv-transpose2d.md, `convt.definition`): every input element scatters
 * x · W[c, o, a, b] to output position (i·s − p + a·d, j·s − p + b·d); positions that land in the cropped
 * padding are dropped. This is the adjoint of conv2d with the same options (`convt.adjoint`).
 *
 * Order of summation (`num.reference-float64`): each output element is Σ from 0 over the input channels c of
 * its group ascending, then the inputs (i, j) that reach it in row-major order, then + bias — the order the
 * scatter over n, c, o, i, j, a, b this replaced added them in (with a range test per tap). The loops below run
 * each tap over the run of inputs it carries inside the output (src/shape/transposedTaps.ts), kernel indices
 * descending so that each output still meets its inputs in row-major order: the same products in the same
 * order, so the same bits (test/reference/convTranspose2dWrittenOut.test.ts), with no test per tap.
 */
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape, type ConvTranspose2dGeometry } from '../shape/convTranspose2dGeometry.js';
import { inputRangesByKernel } from '../shape/transposedTaps.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from './withAbsSum.js';

export function convTranspose2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): Tensor {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  return scatterTaps(input, weight, bias, g, null);
}

/**
 * convTranspose2d and, in the same pass, Σ|x·w| (+ |bias|) per output element (`num.tolerance`): the same sums
 * as convTranspose2d on |input|, |weight|, |bias|, in the same order, since |x|·|w| = |x·w| exactly.
 */
export function convTranspose2dWithAbsSum(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): WithAbsSum {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const absSum = tensor(convTranspose2dOutputShape(g));
  return { result: scatterTaps(input, weight, bias, g, absSum), absSum };
}

/**
 * out[n, go + o, ·, ·] += x[n, c, i, j] · W[c, o, a, b] for every tap: channels c ascending, then kernel rows a and
 * columns b descending — for one output that is its inputs (i, j) in row-major order, i = (y + p − a·d) / s
 * falling as a rises — then for each tap the run of inputs it carries inside the output, one multiply-add each.
 */
function scatterTaps(input: Tensor, weight: Tensor, bias: Tensor | null, g: ConvTranspose2dGeometry, absSum: Tensor | null): Tensor {
  const out = tensor(convTranspose2dOutputShape(g));
  const sums = out.data;
  const abs = absSum?.data ?? null;
  const xs = input.data;
  const ws = weight.data;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, out: outH } = g.h;
  const { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, out: outW } = g.w;
  const rows = inputRangesByKernel(g.h);
  const cols = inputRangesByKernel(g.w);
  for (let n = 0; n < g.batch; n++) {
    for (let c = 0; c < g.inChannels; c++) {
      const firstOut = Math.floor(c / groupIn) * groupOut;
      const inPlane = (n * g.inChannels + c) * height * width;
      for (let o = 0; o < groupOut; o++) {
        const outPlane = (n * g.outChannels + firstOut + o) * outH * outW;
        const kernel = (c * groupOut + o) * kernelH * kernelW;
        for (let a = kernelH - 1; a >= 0; a--) {
          const iFrom = rows.lo[a]!;
          const iTo = rows.hi[a]!;
          for (let b = kernelW - 1; b >= 0; b--) {
            const jFrom = cols.lo[b]!;
            const jTo = cols.hi[b]!;
            const w = ws[kernel + a * kernelW + b]!;
            for (let i = iFrom; i < iTo; i++) {
              const inRow = inPlane + i * width;
              const outRow = outPlane + (i * strideH - padH + a * dilationH) * outW + b * dilationW - padW;
              for (let j = jFrom; j < jTo; j++) sums[outRow + j * strideW]! += xs[inRow + j]! * w;
              if (abs !== null) for (let j = jFrom; j < jTo; j++) abs[outRow + j * strideW]! += Math.abs(xs[inRow + j]! * w);
            }
          }
        }
      }
    }
  }
  // The bias is added after the products, as one more term (`num.tolerance.terms`).
  if (bias !== null) {
    const plane = outH * outW;
    for (let n = 0; n < g.batch; n++) {
      for (let oc = 0; oc < g.outChannels; oc++) {
        const base = (n * g.outChannels + oc) * plane;
        const b = bias.data[oc]!;
        for (let k = 0; k < plane; k++) sums[base + k]! += b;
        if (abs !== null) for (let k = 0; k < plane; k++) abs[base + k]! += Math.abs(b);
      }
    }
  }
  return out;
}
