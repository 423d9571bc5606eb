/** a − b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = 1, ∂/∂b = −1 (`grad.vjp`). */
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';
import { at, broadcastShape, reduceTo } from './broadcast.js';

export function sub(a: Value, b: Value): Value {
  const out = tensor(broadcastShape('sub', a, b));
  for (let i = 0; i < out.data.length; i++) out.data[i] = at(a.data.data, i) - at(b.data.data, i);
  return new Value(out, {
    parents: [a, b],
    op: 'sub',
    backward: (grad) => {
      accumulate(a, reduceTo(grad, a.grad.length));
      accumulate(b, reduceTo(grad.map((g) => -g), b.grad.length));
    },
  });
}
