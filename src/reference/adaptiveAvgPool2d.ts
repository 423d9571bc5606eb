/**
 * Adaptive average pooling (spec/pooling.md, `pool.adaptive.avg`): output (i, j) is the mean of its window
 * [⌊i·H/m_h⌋, ⌈(i+1)·H/m_h⌉) × [⌊j·W/m_w⌋, ⌈(j+1)·W/m_w⌉) (`pool.adaptive.windows`). There is no padding, so the
 * divisor is the window's element count. PyTorch: aten/src/ATen/native/cpu/AdaptiveAvgPoolKernel.cpp
 * `cpu_adaptive_avg_pool` (`sum / kh / kw`).
 */
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { adaptivePool2dGeometry, adaptivePool2dGrid, adaptivePool2dOutputShape } from '../shape/adaptivePool2dGeometry.js';
import { forEachTap, forEachWindow, tapCount } from '../shape/windowWalker.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from './withAbsSum.js';

export function adaptiveAvgPool2d(input: Tensor, opts: AdaptivePool2dOptions): Tensor {
  return averageWindows(input, opts, false).result;
}

/** adaptiveAvgPool2d and, in the same pass, Σ|x| / count per output element (`num.tolerance`), as adaptiveAvgPool2d(|x|). */
export function adaptiveAvgPool2dWithAbsSum(input: Tensor, opts: AdaptivePool2dOptions): WithAbsSum {
  return averageWindows(input, opts, true);
}

/** The one loop nest of the forward; the absolute sums are kept only when asked for. */
function averageWindows(input: Tensor, opts: AdaptivePool2dOptions, withAbsSum: boolean): WithAbsSum {
  const g = adaptivePool2dGeometry(input.shape, opts, 'adaptiveAvgPool2d');
  const result = tensor(adaptivePool2dOutputShape(g));
  const absSum = withAbsSum ? tensor(result.shape) : null;
  forEachWindow(adaptivePool2dGrid(g), (w) => {
    let sum = 0;
    let abs = 0;
    forEachTap(w, g.w.size, (k) => {
      const v = input.data[w.inBase + k]!;
      sum += v;
      abs += Math.abs(v);
    });
    const count = tapCount(w.rows) * tapCount(w.cols);
    result.data[w.out] = sum / count;
    if (absSum !== null) absSum.data[w.out] = abs / count;
  });
  return { result, absSum };
}
