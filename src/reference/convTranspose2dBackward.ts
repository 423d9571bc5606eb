/**
 * The vector-Jacobian products of conv_transpose2d (spec/gradients.md, `grad.conv-transpose2d`). The forward
 * (src/reference/convTranspose2d.ts) scatters
 *
 *     out[n, go + o, i·s_h − p_h + a·d_h, j·s_w − p_w + b·d_w] += x[n, c, i, j] · W[c, o, a, b]
 *
 * for positions inside the output, so for G = ∂L/∂out the input gradient gathers
 * ∂L/∂x[n, c, i, j] = Σ_o Σ_a Σ_b G[n, go + o, y, x] · W[c, o, a, b] over the same in-range positions (a
 * strided, dilated correlation of G: conv2d is the adjoint, `convt.adjoint`), the weight gradient is
 * Σ_n Σ_i Σ_j x[n, c, i, j] · G[n, go + o, y, x], and the bias gradient sums G over batch and positions.
 *
 * Order of summation (`num.reference-float64`): ∂L/∂x[n, c, i, j] is Σ from 0 over o ascending of the partial
 * sums Σ_a Σ_b (each from 0, a then b ascending); ∂L/∂W[c, o, a, b] is one running sum from 0 over n, then i, then
 * j ascending. The two are computed in separate loop nests over the in-range kernel and input runs of
 * src/shape/transposedTaps.ts, which add the same products in that order as the single scatter-shaped loop they
 * replaced (n, c, o, i, j, a, b with out-of-range taps skipped): same bits (test/reference/
 * convTranspose2dWrittenOut.test.ts), without a range test per tap.
 */
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape, type ConvTranspose2dGeometry } from '../shape/convTranspose2dGeometry.js';
import { inputRangesByKernel, kernelRangesByInput } from '../shape/transposedTaps.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradOutput } from './checkGradOutput.js';
import { biasGradient, type Conv2dTensorGradients } from './conv2dBackward.js';

export function convTranspose2dBackward(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  gradOutput: Tensor,
  opts: ConvTranspose2dOptions = {},
): Conv2dTensorGradients {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts, 'convTranspose2dBackward');
  checkGradOutput('convTranspose2dBackward', gradOutput, convTranspose2dOutputShape(g));
  const gradInput = inputGradient(weight, gradOutput, g);
  const gradWeight = weightGradient(input, gradOutput, g);
  if (bias === null) return { input: gradInput, weight: gradWeight };
  return { input: gradInput, weight: gradWeight, bias: biasGradient(gradOutput, g.outChannels) };
}

/** ∂L/∂x[n, c, i, j] = Σ_o (Σ_a Σ_b G[n, go + o, i·s − p + a·d, j·s − p + b·d] · W[c, o, a, b]). */
function inputGradient(weight: Tensor, gradOutput: Tensor, g: ConvTranspose2dGeometry): Tensor {
  const grad = tensor([g.batch, g.inChannels, g.h.size, g.w.size]);
  const ws = weight.data;
  const gs = gradOutput.data;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, out: outH } = g.h;
  const { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, out: outW } = g.w;
  const rows = kernelRangesByInput(g.h);
  const cols = kernelRangesByInput(g.w);
  for (let n = 0; n < g.batch; n++) {
    for (let c = 0; c < g.inChannels; c++) {
      const firstOut = Math.floor(c / groupIn) * groupOut;
      const inPlane = (n * g.inChannels + c) * height * width;
      for (let i = 0; i < height; i++) {
        const aFrom = rows.lo[i]!;
        const aTo = rows.hi[i]!;
        for (let j = 0; j < width; j++) {
          const bFrom = cols.lo[j]!;
          const bTo = cols.hi[j]!;
          let sum = 0;
          for (let o = 0; o < groupOut; o++) {
            const outPlane = (n * g.outChannels + firstOut + o) * outH * outW;
            const kernel = (c * groupOut + o) * kernelH * kernelW;
            let gathered = 0;
            for (let a = aFrom; a < aTo; a++) {
              const outRow = outPlane + (i * strideH - padH + a * dilationH) * outW + j * strideW - padW;
              const kernelRow = kernel + a * kernelW;
              for (let b = bFrom; b < bTo; b++) gathered += gs[outRow + b * dilationW]! * ws[kernelRow + b]!;
            }
            sum += gathered;
          }
          grad.data[inPlane + i * width + j] = sum;
        }
      }
    }
  }
  return grad;
}

/** ∂L/∂W[c, o, a, b] = Σ_n Σ_i Σ_j x[n, c, i, j] · G[n, go + o, i·s − p + a·d, j·s − p + b·d]. */
function weightGradient(input: Tensor, gradOutput: Tensor, g: ConvTranspose2dGeometry): Tensor {
  const grad = tensor([g.inChannels, g.outChannels / g.groups, g.h.kernel, g.w.kernel]);
  const xs = input.data;
  const gs = gradOutput.data;
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { size: height, kernel: kernelH, stride: strideH, dilation: dilationH, padding: padH, out: outH } = g.h;
  const { size: width, kernel: kernelW, stride: strideW, dilation: dilationW, padding: padW, out: outW } = g.w;
  const rows = inputRangesByKernel(g.h);
  const cols = inputRangesByKernel(g.w);
  for (let c = 0; c < g.inChannels; c++) {
    const firstOut = Math.floor(c / groupIn) * groupOut;
    for (let o = 0; o < groupOut; o++) {
      const kernel = (c * groupOut + o) * kernelH * kernelW;
      for (let a = 0; a < kernelH; a++) {
        const iFrom = rows.lo[a]!;
        const iTo = rows.hi[a]!;
        for (let b = 0; b < kernelW; b++) {
          const jFrom = cols.lo[b]!;
          const jTo = cols.hi[b]!;
          let sum = 0;
          for (let n = 0; n < g.batch; n++) {
            const inPlane = (n * g.inChannels + c) * height * width;
            const outPlane = (n * g.outChannels + firstOut + o) * outH * outW;
            for (let i = iFrom; i < iTo; i++) {
              const inRow = inPlane + i * width;
              const outRow = outPlane + (i * strideH - padH + a * dilationH) * outW + b * dilationW - padW;
              for (let j = jFrom; j < jTo; j++) sum += xs[inRow + j]! * gs[outRow + j * strideW]!;
            }
          }
          grad.data[kernel + a * kernelW + b] = sum;
        }
      }
    }
  }
  return grad;
}
