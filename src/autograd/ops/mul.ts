/** a · b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = b, ∂/∂b = a (`grad.vjp`). */
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';
import { at, broadcastShape, reduceTo } from './broadcast.js';

export function mul(a: Value, b: Value): Value {
  const out = tensor(broadcastShape('mul', a, b));
  const x = a.data.data;
  const y = b.data.data;
  for (let i = 0; i < out.data.length; i++) out.data[i] = at(x, i) * at(y, i);
  return new Value(out, {
    parents: [a, b],
    op: 'mul',
    backward: (grad) => {
      if (a.requiresGrad) accumulate(a, reduceTo(grad.map((g, i) => g * at(y, i)), a.grad.length));
      if (b.requiresGrad) accumulate(b, reduceTo(grad.map((g, i) => g * at(x, i)), b.grad.length));
    },
  });
}
