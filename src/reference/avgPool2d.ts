/**
 * Average pooling (spec/pooling.md, `pool.avg.definition`). The sum runs over the window's input elements;
 * the divisor is the rule of `pool.avg.count-include-pad`, `pool.avg.ceil-divisor` and
 * `pool.avg.divisor-override`, computed once per window by `avgPoolDivisor`.
 */
import type { AvgPool2dOptions } from '../adapter/contract.js';
import { avgPool2dGeometry, pool2dOutputShape, type AvgPool2dGeometry } from '../shape/pool2dGeometry.js';
import { tensor, type Tensor } from '../tensor/tensor.js';

export function avgPool2d(input: Tensor, opts: AvgPool2dOptions): Tensor {
  const g = avgPool2dGeometry(input.shape, opts);
  const output = tensor(pool2dOutputShape(g));
  forEachAvgPoolWindow(g, (w) => {
    let sum = 0;
    for (let y = w.y0; y < w.y1; y++) {
      for (let x = w.x0; x < w.x1; x++) sum += input.data[w.inBase + y * g.width + x]!;
    }
    output.data[w.out] = sum / w.divisor;
  });
  return output;
}

/** One output's window: input rows [y0, y1) and columns [x0, x1) of the plane at inBase, and its divisor. */
export interface AvgPoolWindow {
  readonly out: number;
  readonly inBase: number;
  readonly y0: number;
  readonly y1: number;
  readonly x0: number;
  readonly x1: number;
  readonly divisor: number;
}

/** Visits every output's window in row-major order; the forward sums over it, the backward spreads into it. */
export function forEachAvgPoolWindow(g: AvgPool2dGeometry, visit: (w: AvgPoolWindow) => void): void {
  const { height, width, outH, outW } = g;
  for (let p = 0; p < g.batch * g.channels; p++) {
    for (let i = 0; i < outH; i++) {
      const [y0, y1] = windowRows(g, i);
      for (let j = 0; j < outW; j++) {
        const [x0, x1] = windowCols(g, j);
        visit({ out: (p * outH + i) * outW + j, inBase: p * height * width, y0, y1, x0, x1, divisor: avgPoolDivisor(g, i, j) });
      }
    }
  }
}

/**
 * PyTorch's rule (aten/src/ATen/native/cpu/AvgPoolKernel.cpp): the window [start, start + k) is first clipped
 * to the padded extent [−p, n + p) — a ceil-mode window may run past it — and that area is the divisor with
 * count_include_pad; without it, the area after clipping to the input [0, n). divisorOverride replaces both.
 */
export function avgPoolDivisor(g: AvgPool2dGeometry, i: number, j: number): number {
  if (g.divisorOverride !== null) return g.divisorOverride;
  if (g.countIncludePad) {
    const rowStart = i * g.strideH - g.padH;
    const colStart = j * g.strideW - g.padW;
    const rows = Math.min(rowStart + g.kernelH, g.height + g.padH) - rowStart;
    const cols = Math.min(colStart + g.kernelW, g.width + g.padW) - colStart;
    return rows * cols;
  }
  const [y0, y1] = windowRows(g, i);
  const [x0, x1] = windowCols(g, j);
  return (y1 - y0) * (x1 - x0);
}

/** Input rows [first, end) of output row i's window, clipped to the input. */
export function windowRows(g: AvgPool2dGeometry, i: number): [number, number] {
  const start = i * g.strideH - g.padH;
  return [Math.max(start, 0), Math.min(start + g.kernelH, g.height)];
}

export function windowCols(g: AvgPool2dGeometry, j: number): [number, number] {
  const start = j * g.strideW - g.padW;
  return [Math.max(start, 0), Math.min(start + g.kernelW, g.width)];
}
