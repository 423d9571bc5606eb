/** a · b, element-wise with the broadcast rule of broadcast.ts; ∂/∂a = b, ∂/∂b = a (`grad.vjp`). */
import type { Value } from '../value.js';
import { elementwise } from './broadcast.js';

export function mul(a: Value, b: Value): Value {
  return elementwise('mul', a, b, (x, y) => x * y, { a: (g, _x, y) => g * y, b: (g, x) => g * x });
}
