/** Average pooling (spec/pooling.md); backward by avgPool2dBackward — G / divisor to each window element (`grad.avg-pool2d`). */
import type { AvgPool2dOptions } from '../../adapter/contract.js';
import { avgPool2d as avgPool2dForward } from '../../reference/avgPool2d.js';
import { avgPool2dBackward } from '../../reference/avgPool2dBackward.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function avgPool2d(input: Value, opts: AvgPool2dOptions): Value {
  const out = avgPool2dForward(input.data, opts);
  return new Value(out, {
    parents: [input],
    op: 'avgPool2d',
    backward: (grad) => accumulate(input, avgPool2dBackward(input.data, tensor(out.shape, grad), opts).data),
  });
}
