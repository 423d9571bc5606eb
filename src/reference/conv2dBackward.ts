/**
 * The vector-Jacobian products of conv2d (spec/gradients.md, `grad.conv2d.input`, `grad.conv2d.weight`,
 * `grad.conv2d.bias`). The forward (src/reference/conv2d.ts) pads with pad2d, then correlates the padded P:
 *
 *     out[n, o, i, j] = bias[o] + Σ_c Σ_a Σ_b P[n, gc + c, i·s_h + a·d_h, j·s_w + b·d_w] · W[o, c, a, b].
 *
 * So, for G = ∂L/∂out: ∂L/∂P[n, gc + c, i·s_h + a·d_h, j·s_w + b·d_w] += G[n, o, i, j] · W[o, c, a, b];
 * ∂L/∂W[o, c, a, b] = Σ_n Σ_i Σ_j G[n, o, i, j] · P[…]; ∂L/∂bias[o] = Σ_n Σ_i Σ_j G[n, o, i, j]. The input
 * gradient is then pad2dBackward of ∂L/∂P (`grad.pad2d`), which for the reflect/replicate/circular padding
 * modes accumulates the border gradients into the elements the padding copied.
 */
import type { Conv2dOptions } from '../adapter/contract.js';
import { conv2dGeometry, conv2dOutputShape, type Conv2dGeometry } from '../shape/conv2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradOutput } from './checkGradOutput.js';
import { padForConv } from './conv2d.js';
import { pad2dBackward } from './pad2dBackward.js';
import { pad2dModeOf } from '../shape/pad2dGeometry.js';

export interface Conv2dTensorGradients {
  readonly input: Tensor;
  readonly weight: Tensor;
  /** Present exactly when the forward had a bias. */
  readonly bias?: Tensor;
}

export function conv2dBackward(input: Tensor, weight: Tensor, bias: Tensor | null, gradOutput: Tensor, opts: Conv2dOptions = {}): Conv2dTensorGradients {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts, 'conv2dBackward');
  checkGradOutput('conv2dBackward', gradOutput, conv2dOutputShape(g));
  const padded = padForConv(input, g);
  const gradPadded = tensor(padded.shape);
  const gradWeight = tensor(weight.shape);
  correlateValidBackward(padded, weight, gradOutput, gradPadded, gradWeight, g);
  const gradInput = padded === input ? gradPadded : pad2dBackward(input.shape, gradPadded, g.pads, pad2dModeOf(g.paddingMode));
  if (bias === null) return { input: gradInput, weight: gradWeight };
  return { input: gradInput, weight: gradWeight, bias: biasGradient(gradOutput, g.outChannels) };
}

/** Σ over batch and positions of each output channel's gradient (`grad.conv2d.bias`); shared with convTranspose2d. */
export function biasGradient(gradOutput: Tensor, channels: number): Tensor {
  const [batch = 1] = gradOutput.shape;
  const plane = gradOutput.data.length / (batch * channels);
  const grad = tensor([channels]);
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < channels; o++) {
      const base = (n * channels + o) * plane;
      let sum = 0;
      for (let k = 0; k < plane; k++) sum += gradOutput.data[base + k]!;
      grad.data[o]! += sum;
    }
  }
  return grad;
}

function correlateValidBackward(padded: Tensor, weight: Tensor, gradOutput: Tensor, gradPadded: Tensor, gradWeight: Tensor, g: Conv2dGeometry): void {
  const [, , ph, pw] = padded.shape as [number, number, number, number];
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { kernel: kernelH, stride: strideH, dilation: dilationH, out: outH } = g.h;
  const { kernel: kernelW, stride: strideW, dilation: dilationW, out: outW } = g.w;
  const x = padded.data;
  const w = weight.data;
  const gx = gradPadded.data;
  const gw = gradWeight.data;
  for (let n = 0; n < g.batch; n++) {
    for (let o = 0; o < g.outChannels; o++) {
      const firstChannel = Math.floor(o / groupOut) * groupIn;
      const outBase = (n * g.outChannels + o) * outH * outW;
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          const go = gradOutput.data[outBase + i * outW + j]!;
          for (let c = 0; c < groupIn; c++) {
            const plane = (n * g.inChannels + firstChannel + c) * ph * pw;
            const kernel = (o * groupIn + c) * kernelH * kernelW;
            for (let a = 0; a < kernelH; a++) {
              const row = plane + (i * strideH + a * dilationH) * pw + j * strideW;
              const krow = kernel + a * kernelW;
              for (let k = 0; k < kernelW; k++) {
                gx[row + k * dilationW]! += go * w[krow + k]!;
                gw[krow + k]! += go * x[row + k * dilationW]!;
              }
            }
          }
        }
      }
    }
  }
}
