/** The sum (or mean) of every element, a value of shape []; each element's gradient is the output's (÷ n for the mean) (`grad.vjp`). */
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function sum(a: Value): Value {
  let total = 0;
  for (const v of a.data.data) total += v;
  return new Value(tensor([], [total]), {
    parents: [a],
    op: 'sum',
    backward: (grad) => accumulate(a, new Float64Array(a.grad.length).fill(grad[0]!)),
  });
}

export function mean(a: Value): Value {
  const n = a.data.data.length;
  let total = 0;
  for (const v of a.data.data) total += v;
  return new Value(tensor([], [total / n]), {
    parents: [a],
    op: 'mean',
    backward: (grad) => accumulate(a, new Float64Array(n).fill(grad[0]! / n)),
  });
}
