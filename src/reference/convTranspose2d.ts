/**
 * Transposed convolution (spec/conv-transpose2d.md, `convt.definition`): every input element scatters
 * x · W[c, o, a, b] to output position (i·s − p + a·d, j·s − p + b·d); positions that land in the cropped
 * padding are dropped. This is the adjoint of conv2d with the same options (`convt.adjoint`).
 */
import type { ConvTranspose2dOptions } from '../adapter/contract.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../shape/convTranspose2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

export function convTranspose2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, opts: ConvTranspose2dOptions = {}): Tensor {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const out = tensor(convTranspose2dOutputShape(g));
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
                out.data[outPlane + y * outW + x]! += v * weight.data[kernel + a * kernelW + b]!;
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
        for (let k = 0; k < plane; k++) out.data[base + k]! += bias.data[o]!;
      }
    }
  }
  return out;
}
