/** conv_transpose2d with every option (spec/conv-transpose2d.md); backward by convTranspose2dBackward (`grad.conv-transpose2d`). */
import type { ConvTranspose2dOptions } from '../../adapter/contract.js';
import { convTranspose2d as convTranspose2dForward } from '../../reference/convTranspose2d.js';
import { convTranspose2dBackward } from '../../reference/convTranspose2dBackward.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function convTranspose2d(input: Value, weight: Value, bias: Value | null = null, opts: ConvTranspose2dOptions = {}): Value {
  const out = convTranspose2dForward(input.data, weight.data, bias?.data ?? null, opts);
  return new Value(out, {
    parents: bias === null ? [input, weight] : [input, weight, bias],
    op: 'convTranspose2d',
    backward: (grad) => {
      const g = convTranspose2dBackward(input.data, weight.data, bias?.data ?? null, tensor(out.shape, grad), opts);
      accumulate(input, g.input.data);
      accumulate(weight, g.weight.data);
      if (bias !== null && g.bias !== undefined) accumulate(bias, g.bias.data);
    },
  });
}
