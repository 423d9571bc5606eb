/**
 * Swaps the last two axes (a matrix transpose, batched over leading axes). Transposition is its own
 * inverse, so the gradient is the output gradient transposed back (`grad.vjp`).
 */
import { ConvkitError } from '../../errors/convkitError.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import { accumulate, Value } from '../value.js';

export function transpose(a: Value): Value {
  if (a.shape.length < 2) {
    throw new ConvkitError({ code: 'E_RANK', op: 'transpose', argument: 'a.shape', value: a.shape, rule: 'must have at least 2 dimensions', clause: 'grad.vjp' });
  }
  const rows = a.shape[a.shape.length - 2]!;
  const cols = a.shape[a.shape.length - 1]!;
  const out = swapLastAxes(a.data.data, a.shape, rows, cols);
  return new Value(out, {
    parents: [a],
    op: 'transpose',
    backward: (grad) => accumulate(a, swapLastAxes(grad, out.shape, cols, rows).data),
  });
}

function swapLastAxes(data: Float64Array, shape: readonly number[], rows: number, cols: number): Tensor {
  const out = tensor([...shape.slice(0, -2), cols, rows]);
  const plane = rows * cols;
  for (let base = 0; base < data.length; base += plane) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) out.data[base + c * rows + r] = data[base + r * cols + c]!;
    }
  }
  return out;
}
