/**
 * The vector-Jacobian product of adaptive average pooling (spec/gradients.md, `grad.adaptive-avg-pool2d`): each
 * input element of output (i, j)'s window receives G[i, j] / (window element count); overlapping windows (m not
 * dividing n, or m > n) accumulate. PyTorch: AdaptiveAvgPoolKernel.cpp `cpu_adaptive_avg_pool_backward`.
 */
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { adaptivePool2dGeometry, adaptivePool2dGrid, adaptivePool2dOutputShape } from '../shape/adaptivePool2dGeometry.js';
import { forEachTap, forEachWindow, tapCount } from '../shape/windowWalker.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradOutput } from './checkGradOutput.js';

export function adaptiveAvgPool2dBackward(input: Tensor, gradOutput: Tensor, opts: AdaptivePool2dOptions): Tensor {
  const op = 'adaptiveAvgPool2dBackward';
  const g = adaptivePool2dGeometry(input.shape, opts, op);
  checkGradOutput(op, gradOutput, adaptivePool2dOutputShape(g));
  const gradInput = tensor(input.shape);
  forEachWindow(adaptivePool2dGrid(g), (w) => {
    const share = gradOutput.data[w.out]! / (tapCount(w.rows) * tapCount(w.cols));
    forEachTap(w, g.w.size, (k) => (gradInput.data[w.inBase + k]! += share));
  });
  return gradInput;
}
