/**
 * The vector-Jacobian product of average pooling (spec/gradients.md, `grad.avg-pool2d`). Output (i, j) is the
 * sum of its window's input elements over `avgPoolDivisor(g, i, j)` (count_include_pad, ceil mode and
 * divisor_override all live in that one divisor), so each input element of the window receives
 * G[i, j] / divisor; overlapping windows accumulate. Padding positions hold no input and receive nothing.
 */
import type { AvgPool2dOptions } from '../adapter/contract.js';
import { avgPool2dGeometry, pool2dGrid, pool2dOutputShape } from '../shape/pool2dGeometry.js';
import { forEachTap, forEachWindow } from '../shape/windowWalker.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { avgPoolDivisor } from './avgPool2d.js';
import { checkGradOutput } from './checkGradOutput.js';

export function avgPool2dBackward(input: Tensor, gradOutput: Tensor, opts: AvgPool2dOptions): Tensor {
  const g = avgPool2dGeometry(input.shape, opts, 'avgPool2dBackward');
  checkGradOutput('avgPool2dBackward', gradOutput, pool2dOutputShape(g));
  const gradInput = tensor(input.shape);
  forEachWindow(pool2dGrid(g), (w) => {
    const share = gradOutput.data[w.out]! / avgPoolDivisor(g, w.i, w.j);
    forEachTap(w, g.w.size, (k) => (gradInput.data[w.inBase + k]! += share));
  });
  return gradInput;
}
