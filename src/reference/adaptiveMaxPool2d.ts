/**
 * Adaptive max pooling (spec/pooling.md, `pool.adaptive.max`): output (i, j) is the maximum of its window
 * (`pool.adaptive.windows`), found by a row-major scan from −∞ that replaces the running maximum by v when
 * v > maximum or v is NaN — PyTorch's `(val > maxval) || std::isnan(val)` in
 * aten/src/ATen/native/cpu/AdaptiveMaxPoolKernel.cpp `cpu_adaptive_max_pool`. So a tie keeps the first maximum,
 * a NaN always wins (the last NaN is selected), and a window of −∞ selects its first element. Windows are never
 * empty, so every output has an argmax.
 */
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import { adaptivePool2dGeometry, adaptivePool2dGrid, adaptivePool2dOutputShape, type AdaptivePool2dGeometry } from '../shape/adaptivePool2dGeometry.js';
import { forEachWindow } from '../shape/windowWalker.js';
import { windowMax } from './maxPool2d.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

export interface AdaptiveMaxPool2dResult {
  readonly output: Tensor;
  /** For each output element, the flat index within its N·C plane of the selected input element. */
  readonly argmax: Int32Array;
  readonly geometry: AdaptivePool2dGeometry;
}

export function adaptiveMaxPool2d(input: Tensor, opts: AdaptivePool2dOptions): Tensor {
  return adaptiveMaxPool2dWithArgmax(input, opts).output;
}

export function adaptiveMaxPool2dWithArgmax(input: Tensor, opts: AdaptivePool2dOptions, op = 'adaptiveMaxPool2d'): AdaptiveMaxPool2dResult {
  const g = adaptivePool2dGeometry(input.shape, opts, op);
  const output = tensor(adaptivePool2dOutputShape(g));
  const argmax = new Int32Array(output.data.length);
  forEachWindow(adaptivePool2dGrid(g), (w) => {
    const { best, where } = windowMax(input.data, w, g.w.size);
    output.data[w.out] = best;
    argmax[w.out] = where;
  });
  return { output, argmax, geometry: g };
}
