/** a^p element-wise for a constant exponent p; ∂/∂a = p·a^(p−1) (`grad.vjp`). square(a) = a². */
import { mapTensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function pow(a: Value, exponent: number): Value {
  const x = a.data.data;
  return new Value(mapTensor(a.data, (v) => v ** exponent), {
    parents: [a],
    op: `pow(${exponent})`,
    backward: (grad) => accumulate(a, grad.map((g, i) => g * exponent * x[i]! ** (exponent - 1))),
  });
}

export function square(a: Value): Value {
  const x = a.data.data;
  return new Value(mapTensor(a.data, (v) => v * v), {
    parents: [a],
    op: 'square',
    backward: (grad) => accumulate(a, grad.map((g, i) => 2 * g * x[i]!)),
  });
}
