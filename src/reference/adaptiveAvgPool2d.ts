/**
 * Adaptive average pooling (spec/pooling.md, `pool.adaptive.avg`): output (i, j) is the mean of its window
 * [⌊i·H/m_h⌋, ⌈(i+1)·H/m_h⌉) × [⌊j·W/m_w⌋, ⌈(j+1)·W/m_w⌉) (`pool.adaptive.windows`). There is no padding, so the
 * divisor is the window's element count. PyTorch: aten/src/ATen/native/cpu/AdaptiveAvgPoolKernel.cpp
 * `cpu_adaptive_avg_pool` (`sum / kh / kw`).
 */
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { adaptivePool2dGeometry, adaptivePool2dOutputShape, forEachAdaptiveWindow } from '../shape/adaptivePool2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

export function adaptiveAvgPool2d(input: Tensor, opts: AdaptivePool2dOptions): Tensor {
  const g = adaptivePool2dGeometry(input.shape, opts, 'adaptiveAvgPool2d');
  const output = tensor(adaptivePool2dOutputShape(g));
  const width = g.w.size;
  forEachAdaptiveWindow(g, (w) => {
    let sum = 0;
    for (let y = w.y0; y < w.y1; y++) {
      for (let x = w.x0; x < w.x1; x++) sum += input.data[w.inBase + y * width + x]!;
    }
    output.data[w.out] = sum / ((w.y1 - w.y0) * (w.x1 - w.x0));
  });
  return output;
}
