/**
 * The vector-Jacobian product of adaptive max pooling (spec/gradients.md, `grad.adaptive-max-pool2d`): each
 * output's gradient goes whole to the ONE element its forward selected (`adaptiveMaxPool2dWithArgmax`: the first
 * maximum in row-major order, or the last NaN); windows that selected the same element accumulate into it.
 * PyTorch: AdaptiveMaxPoolKernel.cpp `cpu_adaptive_max_pool_backward` (`grad_input[maxindex] += grad_output`).
 */
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { adaptivePool2dOutputShape } from '../shape/adaptivePool2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { adaptiveMaxPool2dWithArgmax } from './adaptiveMaxPool2d.js';
import { checkGradOutput } from './checkGradOutput.js';

export function adaptiveMaxPool2dBackward(input: Tensor, gradOutput: Tensor, opts: AdaptivePool2dOptions): Tensor {
  const op = 'adaptiveMaxPool2dBackward';
  const { argmax, geometry: g } = adaptiveMaxPool2dWithArgmax(input, opts, op);
  checkGradOutput(op, gradOutput, adaptivePool2dOutputShape(g));
  const gradInput = tensor(input.shape);
  const inPlane = g.h.size * g.w.size;
  const outPlane = g.h.outSize * g.w.outSize;
  for (let k = 0; k < argmax.length; k++) {
    const plane = Math.floor(k / outPlane);
    gradInput.data[plane * inPlane + argmax[k]!]! += gradOutput.data[k]!;
  }
  return gradInput;
}
