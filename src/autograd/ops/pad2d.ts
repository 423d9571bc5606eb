/** pad2d in every mode, negative pads cropping (spec/padding.md); backward by pad2dBackward (`grad.pad2d`). */
import type { Pad2dMode, Pads } from '../../adapter/contract.js';
import { pad2d as pad2dForward } from '../../reference/pad2d.js';
import { pad2dBackward } from '../../reference/pad2dBackward.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function pad2d(input: Value, pads: Pads, mode: Pad2dMode = 'constant', value = 0): Value {
  const out = pad2dForward(input.data, pads, mode, value);
  return new Value(out, {
    parents: [input],
    op: `pad2d(${mode})`,
    backward: (grad) => accumulate(input, pad2dBackward(input.shape, tensor(out.shape, grad), pads, mode).data),
  });
}
