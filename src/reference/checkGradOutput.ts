/**
 * Every backward operator receives the gradient of a scalar loss with respect to its forward's output, so
 * that gradient has the output's shape (spec/gradients.md, `grad.vjp`). A mismatch is the caller's error.
 */
import { ConvkitError } from '../errors/convkitError.js';
import type { Tensor } from '../tensor/tensor.js';

export function checkGradOutput(op: string, gradOutput: Tensor, outputShape: readonly number[]): void {
  const same = gradOutput.shape.length === outputShape.length && gradOutput.shape.every((d, i) => d === outputShape[i]);
  if (!same) {
    throw new ConvkitError({
      code: 'E_SHAPE', op, argument: 'gradOutput.shape', value: gradOutput.shape,
      rule: `must equal the forward output's shape [${outputShape.join(', ')}]`, clause: 'grad.vjp',
    });
  }
}
