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
 */
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../shape/convTranspose2dGeometry.js';
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
  if (bias === null) return { input: gradInput, weight: gradWeight };
  return { input: gradInput, weight: gradWeight, bias: biasGradient(gradOutput, g.outChannels) };
}
