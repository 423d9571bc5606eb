/**
 * The vector-Jacobian product of max pooling (spec/gradients.md, `grad.max-pool2d`, `grad.max-pool2d.nan`).
 * Max is not differentiable where a window's maximum is tied; the spec picks the subgradient that sends each
 * output's gradient to the ONE element the forward chose, `maxPool2dWithArgmax`'s argmax: the first maximum
 * in row-major scan order, or, when the window holds NaNs, the last NaN (a NaN always replaces the running
 * maximum). Overlapping windows that chose the same element accumulate into it. A window covering only
 * padding has argmax −1 (`pool.max.empty-window`) and its gradient is discarded. PyTorch 1.13 does the same
 * (max_pool2d_with_indices_backward scatters into the saved indices).
 */
import type { MaxPool2dOptions } from '../adapter/contract.js';
import { pool2dOutputShape } from '../shape/pool2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradOutput } from './checkGradOutput.js';
import { maxPool2dWithArgmax } from './maxPool2d.js';

export function maxPool2dBackward(input: Tensor, gradOutput: Tensor, opts: MaxPool2dOptions): Tensor {
  const { argmax, geometry: g } = maxPool2dWithArgmax(input, opts);
  checkGradOutput('maxPool2dBackward', gradOutput, pool2dOutputShape(g));
  const gradInput = tensor(input.shape);
  const inPlane = g.h.size * g.w.size;
  const outPlane = g.h.out * g.w.out;
  const planes = g.batch * g.channels;
  for (let p = 0; p < planes; p++) {
    for (let k = 0; k < outPlane; k++) {
      const where = argmax[p * outPlane + k]!;
      if (where >= 0) gradInput.data[p * inPlane + where]! += gradOutput.data[p * outPlane + k]!;
    }
  }
  return gradInput;
}
