/** a + b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = ∂/∂b = 1 (`grad.vjp`). */
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';
import { at, broadcastShape, reduceTo } from './broadcast.js';

export function add(a: Value, b: Value): Value {
  const out = tensor(broadcastShape('add', a, b));
  for (let i = 0; i < out.data.length; i++) out.data[i] = at(a.data.data, i) + at(b.data.data, i);
  return new Value(out, {
    parents: [a, b],
    op: 'add',
    backward: (grad) => {
      accumulate(a, reduceTo(grad, a.grad.length));
      accumulate(b, reduceTo(grad, b.grad.length));
    },
  });
}
