/** a + b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = ∂/∂b = 1 (`grad.vjp`). */
import type { Value } from '../value.js';
import { elementwise } from './broadcast.js';

export function add(a: Value, b: Value): Value {
  return elementwise('add', a, b, (x, y) => x + y, { a: (g) => g, b: (g) => g });
}
