/**
 * conv2d with every option (spec/conv2d.md): forward by the reference, backward by conv2dBackward —
 * `grad.conv2d.input` (through pad2dBackward for non-zeros padding modes), `grad.conv2d.weight`,
 * `grad.conv2d.bias`.
 */
import type { Conv2dOptions } from '../../adapter/contract.js';
import { conv2d as conv2dForward } from '../../reference/conv2d.js';
import { conv2dBackward } from '../../reference/conv2dBackward.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function conv2d(input: Value, weight: Value, bias: Value | null = null, opts: Conv2dOptions = {}): Value {
  const out = conv2dForward(input.data, weight.data, bias?.data ?? null, opts);
  return new Value(out, {
    parents: bias === null ? [input, weight] : [input, weight, bias],
    op: 'conv2d',
    backward: (grad) => {
      const g = conv2dBackward(input.data, weight.data, bias?.data ?? null, tensor(out.shape, grad), opts);
      accumulate(input, g.input.data);
      accumulate(weight, g.weight.data);
      if (bias !== null && g.bias !== undefined) accumulate(bias, g.bias.data);
    },
  });
}
