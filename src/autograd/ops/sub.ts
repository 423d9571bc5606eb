/** a − b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = 1, ∂/∂b = −1 (`grad.vjp`). */
import type { Value } from '../value.js';
import { elementwise } from './broadcast.js';

export function sub(a: Value, b: Value): Value {
  return elementwise('sub', a, b, (x, y) => x - y, { a: (g) => g, b: (g) => -g });
}
