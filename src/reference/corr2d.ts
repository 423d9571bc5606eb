/**
 * The notes' two-dimensional cross-correlation and true convolution on plain matrices
 * (spec/correlation.md, `corr.definition`, `corr.shape`, `corr.true-convolution`, `corr.flip-kernel`).
 */
import { ConvkitError } from '../errors/convkitError.js';
import { checkRank } from '../shape/argumentChecks.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from './withAbsSum.js';

/** Y[i, j] = Σ_a Σ_b X[i + a, j + b] · K[a, b], of shape (h − kh + 1) × (w − kw + 1). */
export function corr2d(x: Tensor, k: Tensor): Tensor {
  return correlate(x, k, false).result;
}

/** corr2d and, in the same pass, Σ|X·K| per output element (`num.tolerance`), the same sums as corr2d(|x|, |k|). */
export function corr2dWithAbsSum(x: Tensor, k: Tensor): WithAbsSum {
  return correlate(x, k, true);
}

function correlate(x: Tensor, k: Tensor, withAbsSum: boolean): WithAbsSum {
  checkRank('corr2d', 'x', x.shape, 2, 'H, W', 'corr.definition');
  checkRank('corr2d', 'k', k.shape, 2, 'kH, kW', 'corr.definition');
  const [h, w] = x.shape as [number, number];
  const [kh, kw] = k.shape as [number, number];
  if (kh > h || kw > w) {
    throw new ConvkitError({ code: 'E_EMPTY', op: 'corr2d', argument: 'k.shape', value: k.shape, rule: `must fit inside x.shape [${h}, ${w}]`, clause: 'corr.shape' });
  }
  const outH = h - kh + 1;
  const outW = w - kw + 1;
  const y = tensor([outH, outW]);
  const absSum = withAbsSum ? tensor([outH, outW]) : null;
  for (let i = 0; i < outH; i++) {
    for (let j = 0; j < outW; j++) {
      let sum = 0;
      let abs = 0;
      for (let a = 0; a < kh; a++) {
        const row = (i + a) * w + j;
        for (let b = 0; b < kw; b++) {
          const p = x.data[row + b]! * k.data[a * kw + b]!;
          sum += p;
          abs += Math.abs(p);
        }
      }
      y.data[i * outW + j] = sum;
      if (absSum !== null) absSum.data[i * outW + j] = abs;
    }
  }
  return { result: y, absSum };
}

/** The kernel rotated by 180°: K'[a, b] = K[kh − 1 − a, kw − 1 − b] over the last two axes (`corr.flip-kernel`). */
export function flipKernel(k: Tensor): Tensor {
  const kh = k.shape[k.shape.length - 2] ?? 1;
  const kw = k.shape[k.shape.length - 1] ?? 1;
  const plane = kh * kw;
  const out = tensor(k.shape);
  for (let base = 0; base < k.data.length; base += plane) {
    for (let i = 0; i < plane; i++) out.data[base + i] = k.data[base + plane - 1 - i]!;
  }
  return out;
}

/** True convolution: correlation with the flipped kernel (`corr.true-convolution`). */
export function convolve2d(x: Tensor, k: Tensor): Tensor {
  return corr2d(x, flipKernel(k));
}
