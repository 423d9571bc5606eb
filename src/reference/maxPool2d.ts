/**
 * Max pooling (spec/pooling.md). Padding positions take part as −∞ (`pool.max.padding`), so they never win
 * over an input element; the scan is row-major and an element replaces the running maximum when it is
 * greater or NaN (`pool.max.nan`, `pool.max.ties`) — PyTorch's `(val > maxval) || isnan(val)` in
 * aten/src/ATen/native/cpu/MaxPoolKernel.cpp — so ties keep the first maximum and a NaN always wins.
 */
import type { MaxPool2dOptions } from '../adapter/contract.js';
import { maxPool2dGeometry, pool2dGrid, pool2dOutputShape, type Pool2dGeometry } from '../shape/pool2dGeometry.js';
import { forEachTap, forEachWindow, type PoolWindow } from '../shape/windowWalker.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

export interface MaxPool2dResult {
  readonly output: Tensor;
  /**
   * For each output element, the flat index (within its N·C plane) of the input element that produced it, or
   * −1 when the window covers only padding (`pool.max.empty-window`: the output is −∞ and no input receives
   * its gradient). Starts at the window's first input element, so an all −∞ window points there as PyTorch does.
   */
  readonly argmax: Int32Array;
  readonly geometry: Pool2dGeometry;
}

export function maxPool2d(input: Tensor, opts: MaxPool2dOptions): Tensor {
  return maxPool2dWithArgmax(input, opts).output;
}

export function maxPool2dWithArgmax(input: Tensor, opts: MaxPool2dOptions): MaxPool2dResult {
  const g = maxPool2dGeometry(input.shape, opts);
  const output = tensor(pool2dOutputShape(g));
  const argmax = new Int32Array(output.data.length);
  forEachWindow(pool2dGrid(g), (w) => {
    const { best, where } = windowMax(input.data, w, g.w.size);
    output.data[w.out] = best;
    argmax[w.out] = where;
  });
  return { output, argmax, geometry: g };
}

/**
 * The maximum of one window and where it is, by the scan rule above; shared with adaptive max pooling. A window
 * with no input element (only padding) is −∞ at −1 (`pool.max.empty-window`).
 */
export function windowMax(data: ArrayLike<number>, w: PoolWindow, width: number): { best: number; where: number } {
  let best = -Infinity;
  let where = -1;
  forEachTap(w, width, (k) => {
    const v = data[w.inBase + k]!;
    if (where < 0) where = k;
    if (v > best || Number.isNaN(v)) {
      best = v;
      where = k;
    }
  });
  return { best, where };
}
