/** The same elements under another shape; the gradient is reshaped back — element i stays element i (`grad.vjp`). */
import { reshape as reshapeTensor, tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function reshape(a: Value, shape: readonly number[]): Value {
  // A copy, not a view: SGD updates parameters in place, and a reshaped value must not change with them.
  const out = reshapeTensor(tensor(a.shape, a.data.data), shape);
  return new Value(out, { parents: [a], op: 'reshape', backward: (grad) => accumulate(a, grad) });
}
