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

export function adaptiveAvgPool2d(input: Tensor, opts: AdaptivePool2dOptions): Tensor {
  const g = adaptivePool2dGeometry(input.shape, opts, 'adaptiveAvgPool2d');
  const output = tensor(adaptivePool2dOutputShape(g));
  forEachWindow(adaptivePool2dGrid(g), (w) => {
    let sum = 0;
    forEachTap(w, g.w.size, (k) => (sum += input.data[w.inBase + k]!));
    output.data[w.out] = sum / (tapCount(w.rows) * tapCount(w.cols));
  });
  return output;
}
