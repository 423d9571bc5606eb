/** Central finite differences of a scalar function of one tensor, for checking the autograd's compositions (`grad.gradcheck`). */
import { tensor, type Tensor } from '../../src/tensor/tensor.js';

export function numericGradient(f: (x: Tensor) => number, x: Tensor, eps = 1e-6): Float64Array {
  const probe = tensor(x.shape, x.data);
  const grad = new Float64Array(x.data.length);
  for (let i = 0; i < grad.length; i++) {
    const xi = probe.data[i]!;
    probe.data[i] = xi + eps;
    const plus = f(probe);
    probe.data[i] = xi - eps;
    const minus = f(probe);
    probe.data[i] = xi;
    grad[i] = (plus - minus) / (2 * eps);
  }
  return grad;
}

/** |a − n| ≤ atol + rtol·|n| element-wise (torch.allclose, as gradcheck uses); returns the first bad index or −1. */
export function firstMismatch(analytic: ArrayLike<number>, numeric: ArrayLike<number>, atol = 1e-5, rtol = 1e-3): number {
  for (let i = 0; i < numeric.length; i++) {
    if (!(Math.abs(analytic[i]! - numeric[i]!) <= atol + rtol * Math.abs(numeric[i]!))) return i;
  }
  return analytic.length === numeric.length ? -1 : numeric.length;
}
