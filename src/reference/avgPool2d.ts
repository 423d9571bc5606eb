/**
 * Average pooling (spec/pooling.md, `pool.avg.definition`). The sum runs over the window's input elements;
 * the divisor is the rule of `pool.avg.count-include-pad`, `pool.avg.ceil-divisor` and
 * `pool.avg.divisor-override`, computed once per window by `avgPoolDivisor`.
 */
import type { AvgPool2dOptions } from '../adapter/contract.js';
import { avgPool2dGeometry, pool2dGrid, pool2dOutputShape, type AvgPool2dGeometry } from '../shape/pool2dGeometry.js';
import { forEachTap, forEachWindow } from '../shape/windowWalker.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { WithAbsSum } from './withAbsSum.js';

export function avgPool2d(input: Tensor, opts: AvgPool2dOptions): Tensor {
  return averageWindows(input, opts, false).result;
}

/** avgPool2d and, in the same pass, Σ|x| / divisor per output element (`num.tolerance`), the same as avgPool2d(|x|). */
export function avgPool2dWithAbsSum(input: Tensor, opts: AvgPool2dOptions): WithAbsSum {
  return averageWindows(input, opts, true);
}

/** The one loop nest of the forward; the absolute sums are kept only when asked for. */
function averageWindows(input: Tensor, opts: AvgPool2dOptions, withAbsSum: boolean): WithAbsSum {
  const g = avgPool2dGeometry(input.shape, opts);
  const result = tensor(pool2dOutputShape(g));
  const absSum = withAbsSum ? tensor(result.shape) : null;
  forEachWindow(pool2dGrid(g), (w) => {
    let sum = 0;
    let abs = 0;
    forEachTap(w, g.w.size, (k) => {
      const v = input.data[w.inBase + k]!;
      sum += v;
      abs += Math.abs(v);
    });
    const divisor = avgPoolDivisor(g, w.i, w.j);
    result.data[w.out] = sum / divisor;
    if (absSum !== null) absSum.data[w.out] = abs / divisor;
  });
  return { result, absSum };
}

/**
 * PyTorch's rule (aten/src/ATen/native/cpu/AvgPoolKernel.cpp): the window [start, start + k) is first clipped
 * to the padded extent [−p, n + p) — a ceil-mode window may run past it — and that area is the divisor with
 * count_include_pad; without it, the area after clipping to the input [0, n). divisorOverride replaces both.
 */
export function avgPoolDivisor(g: AvgPool2dGeometry, i: number, j: number): number {
  if (g.divisorOverride !== null) return g.divisorOverride;
  if (g.countIncludePad) {
    const rowStart = i * g.h.stride - g.h.padBefore;
    const colStart = j * g.w.stride - g.w.padBefore;
    const rows = Math.min(rowStart + g.h.kernel, g.h.size + g.h.padBefore) - rowStart;
    const cols = Math.min(colStart + g.w.kernel, g.w.size + g.w.padBefore) - colStart;
    return rows * cols;
  }
  const [y0, y1] = windowRows(g, i);
  const [x0, x1] = windowCols(g, j);
  return (y1 - y0) * (x1 - x0);
}

/** Input rows [first, end) of output row i's window, clipped to the input (average pooling has no dilation). */
export function windowRows(g: AvgPool2dGeometry, i: number): [number, number] {
  const r = pool2dGrid(g).rowTaps(i);
  return [r.first, r.end];
}

export function windowCols(g: AvgPool2dGeometry, j: number): [number, number] {
  const c = pool2dGrid(g).colTaps(j);
  return [c.first, c.end];
}
