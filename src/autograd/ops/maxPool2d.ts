/** Max pooling (spec/pooling.md); backward by maxPool2dBackward — gradient to the forward's argmax (`grad.max-pool2d`, `grad.max-pool2d.nan`). */
import type { MaxPool2dOptions } from '../../adapter/contract.js';
import { maxPool2d as maxPool2dForward } from '../../reference/maxPool2d.js';
import { maxPool2dBackward } from '../../reference/maxPool2dBackward.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function maxPool2d(input: Value, opts: MaxPool2dOptions): Value {
  const out = maxPool2dForward(input.data, opts);
  return new Value(out, {
    parents: [input],
    op: 'maxPool2d',
    backward: (grad) => accumulate(input, maxPool2dBackward(input.data, tensor(out.shape, grad), opts).data),
  });
}
