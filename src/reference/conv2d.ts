/**
 * conv2d in NCHW/OIHW (spec/conv2d.md, `conv.definition`). Padding of any mode is applied first with pad2d,
 * then a 'valid' correlation runs over the padded input (`conv.padding.mode`): one rule for all four modes.
 */
import type { Conv2dOptions } from '../adapter/contract.js';
import { conv2dGeometry, conv2dOutputShape, type Conv2dGeometry } from '../shape/conv2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { pad2d } from './pad2d.js';
import { pad2dModeOf } from '../shape/pad2dGeometry.js';

export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: Conv2dOptions = {}): Tensor {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const padded = padForConv(input, g);
  return correlateValid(padded, weight, bias, g);
}

export function padForConv(input: Tensor, g: Conv2dGeometry): Tensor {
  const { top, bottom, left, right } = g.pads;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) return input;
  return pad2d(input, g.pads, pad2dModeOf(g.paddingMode));
}

/**
 * out[n, o, i, j] = bias[o] + Σ_c Σ_a Σ_b P[n, gc + c, i·s_h + a·d_h, j·s_w + b·d_w] · W[o, c, a, b],
 * where P is the already padded input and gc the first input channel of o's group (`conv.groups`).
 */
function correlateValid(padded: Tensor, weight: Tensor, bias: Tensor | null, g: Conv2dGeometry): Tensor {
  const out = tensor(conv2dOutputShape(g));
  const [, , ph, pw] = padded.shape as [number, number, number, number];
  const groupIn = g.inChannels / g.groups;
  const groupOut = g.outChannels / g.groups;
  const { kernel: kernelH, stride: strideH, dilation: dilationH, out: outH } = g.h;
  const { kernel: kernelW, stride: strideW, dilation: dilationW, out: outW } = g.w;
  const x = padded.data;
  const w = weight.data;
  for (let n = 0; n < g.batch; n++) {
    for (let o = 0; o < g.outChannels; o++) {
      const firstChannel = Math.floor(o / groupOut) * groupIn;
      const outBase = (n * g.outChannels + o) * outH * outW;
      const b = bias === null ? 0 : bias.data[o]!;
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          let sum = 0;
          for (let c = 0; c < groupIn; c++) {
            const plane = (n * g.inChannels + firstChannel + c) * ph * pw;
            const kernel = (o * groupIn + c) * kernelH * kernelW;
            for (let a = 0; a < kernelH; a++) {
              const row = plane + (i * strideH + a * dilationH) * pw + j * strideW;
              const krow = kernel + a * kernelW;
              for (let k = 0; k < kernelW; k++) sum += x[row + k * dilationW]! * w[krow + k]!;
            }
          }
          out.data[outBase + i * outW + j] = sum + b;
        }
      }
    }
  }
  return out;
}
