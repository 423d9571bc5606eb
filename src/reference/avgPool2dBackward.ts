/**
 * The vector-Jacobian product of average pooling (spec/gradients.md, `grad.avg-pool2d`). Output (i, j) is the
 * sum of its window's input elements over `avgPoolDivisor(g, i, j)` (count_include_pad, ceil mode and
 * divisor_override all live in that one divisor), so each input element of the window receives
 * G[i, j] / divisor; overlapping windows accumulate. Padding positions hold no input and receive nothing.
 */
import type { AvgPool2dOptions } from '../adapter/contract.js';
import { avgPool2dGeometry, pool2dOutputShape } from '../shape/pool2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { avgPoolDivisor, windowCols, windowRows } from './avgPool2d.js';
import { checkGradOutput } from './checkGradOutput.js';

export function avgPool2dBackward(input: Tensor, gradOutput: Tensor, opts: AvgPool2dOptions): Tensor {
  const g = avgPool2dGeometry(input.shape, opts, 'avgPool2dBackward');
  checkGradOutput('avgPool2dBackward', gradOutput, pool2dOutputShape(g));
  const gradInput = tensor(input.shape);
  const { height, width, outH, outW } = g;
  const planes = g.batch * g.channels;
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    const outBase = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      const [y0, y1] = windowRows(g, i);
      for (let j = 0; j < outW; j++) {
        const [x0, x1] = windowCols(g, j);
        const share = gradOutput.data[outBase + i * outW + j]! / avgPoolDivisor(g, i, j);
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) gradInput.data[inBase + y * width + x]! += share;
        }
      }
    }
  }
  return gradInput;
}
