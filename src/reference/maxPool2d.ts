/**
 * Max pooling (spec/pooling.md). Padding positions take part as −∞ (`pool.max.padding`), so they never win
 * over an input element; the scan is row-major and an element replaces the running maximum when it is
 * greater or NaN (`pool.max.nan`, `pool.max.ties`) — PyTorch's `(val > maxval) || isnan(val)` in
 * aten/src/ATen/native/cpu/MaxPoolKernel.cpp — so ties keep the first maximum and a NaN always wins.
 */
import type { MaxPool2dOptions } from '../adapter/contract.js';
import { maxPool2dGeometry, pool2dOutputShape, type Pool2dGeometry } from '../shape/pool2dGeometry.js';
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
  const { height, width, outH, outW } = g;
  const planes = g.batch * g.channels;
  for (let p = 0; p < planes; p++) {
    const inBase = p * height * width;
    const outBase = p * outH * outW;
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        let best = -Infinity;
        let where = -1;
        for (let a = 0; a < g.kernelH; a++) {
          const y = i * g.strideH - g.padH + a * g.dilationH;
          if (y < 0 || y >= height) continue;
          for (let b = 0; b < g.kernelW; b++) {
            const x = j * g.strideW - g.padW + b * g.dilationW;
            if (x < 0 || x >= width) continue;
            const v = input.data[inBase + y * width + x]!;
            if (where < 0) where = y * width + x;
            if (v > best || Number.isNaN(v)) {
              best = v;
              where = y * width + x;
            }
          }
        }
        output.data[outBase + i * outW + j] = best;
        argmax[outBase + i * outW + j] = where;
      }
    }
  }
  return { output, argmax, geometry: g };
}
