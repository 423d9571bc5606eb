/**
 * The one broadcast rule of the element-wise ops: two operands of the same shape, or one operand with a
 * single element that stands for every position (as a bias of shape [1] added to a feature map in note 004).
 * The gradient of a broadcast operand is the sum of the gradients of the positions it stood for.
 */
import { ConvkitError } from '../../errors/convkitError.js';
import { tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function broadcastShape(op: string, a: Value, b: Value): readonly number[] {
  const na = a.data.data.length;
  const nb = b.data.data.length;
  const same = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
  if (same) return a.shape;
  if (nb === 1) return a.shape;
  if (na === 1) return b.shape;
  throw new ConvkitError({
    code: 'E_SHAPE', op, argument: 'b.shape', value: b.shape,
    rule: `must equal a.shape [${a.shape.join(', ')}] or have one element`, clause: 'grad.vjp',
  });
}

/** Element i of an operand broadcast to `size` positions. */
export function at(data: Float64Array, i: number): number {
  return data.length === 1 ? data[0]! : data[i]!;
}

/** Folds a full-size gradient back onto an operand of `length` elements (1 ⇒ the sum). */
export function reduceTo(grad: Float64Array, length: number): Float64Array {
  if (length === grad.length) return grad;
  let sum = 0;
  for (let i = 0; i < grad.length; i++) sum += grad[i]!;
  return Float64Array.of(sum);
}

/** ∂(a ∘ b)/∂a and ∂/∂b of one element, times the incoming gradient g, at the operands' values x and y. */
export interface Partials {
  readonly a: (g: number, x: number, y: number) => number;
  readonly b: (g: number, x: number, y: number) => number;
}

/**
 * The one loop of the element-wise ops: out[i] = f(a[i], b[i]) under the broadcast rule, and a backward that
 * folds each operand's partials back onto its shape (`grad.vjp`). add, sub and mul are this with their f.
 */
export function elementwise(op: string, a: Value, b: Value, f: (x: number, y: number) => number, partials: Partials): Value {
  const out = tensor(broadcastShape(op, a, b));
  const x = a.data.data;
  const y = b.data.data;
  for (let i = 0; i < out.data.length; i++) out.data[i] = f(at(x, i), at(y, i));
  return new Value(out, {
    parents: [a, b],
    op,
    backward: (grad) => {
      if (a.requiresGrad) accumulate(a, reduceTo(grad.map((g, i) => partials.a(g, at(x, i), at(y, i))), a.grad.length));
      if (b.requiresGrad) accumulate(b, reduceTo(grad.map((g, i) => partials.b(g, at(x, i), at(y, i))), b.grad.length));
    },
  });
}
