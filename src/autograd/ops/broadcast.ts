/**
 * The one broadcast rule of the element-wise ops: two operands of the same shape, or one operand with a
 * single element that stands for every position (as a bias of shape [1] added to a feature map in note 004).
 * The gradient of a broadcast operand is the sum of the gradients of the positions it stood for.
 */
import { ConvkitError } from '../../errors/convkitError.js';
import type { Value } from '../value.js';

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
