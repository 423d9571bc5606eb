/**
 * Transposed convolution (spec/conv-transpose2d.md, `convt.definition`): every input element scatters
 * x · W[c, o, a, b] to output position (i·s − p + a·d, j·s − p + b·d); positions that land in the cropped
 * padding are dropped. This is the adjoint of conv2d with the same options (`convt.adjoint`).
 */
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../shape/convTranspose2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from './withAbsSum.js';

export function convTranspose2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): Tensor {
  return scatter(input, weight, bias, opts, false).result;
}

/**
 * convTranspose2d and, in the same pass, Σ|x·w| (+ |bias|) per output element (`num.tolerance`): the same sums
 * as convTranspose2d on |input|, |weight|, |bias|, in the same order, since |x|·|w| = |x·w| exactly.
 */
export function convTranspose2dWithAbsSum(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): WithAbsSum {
  return scatter(input, weight, bias, opts, true);
}

function scatter(input: Tensor, weight: Tensor, bias: Tensor | null, opts: ConvTranspose2dOptions, withAbsSum: boolean): WithAbsSum {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const out = tensor(convTranspose2dOutputShape(g));
  const absSum = withAbsSum ? tensor(out.shape) : null;
  const abs = absSum?.data;
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
                if (abs !== undefined) abs[outPlane + y * outW + x]! += Math.abs(p);
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
        if (abs !== undefined) for (let k = 0; k < plane; k++) abs[base + k]! += Math.abs(b);
      }
    }
  }
  return { result: out, absSum };
}
