/**
 * corr2d and convTranspose2d in a chosen Arithmetic, both computed by precisionAdapter.ts's directConv2d so that the
 * rounding after every product and partial sum is written once. corr2d is a one-plane conv2d. convTranspose2d is the
 * conv2d of the input spread out by the stride and padded by d(k − 1) − p (cropped where that is negative), with each
 * kernel flipped and its in and out channels swapped (spec/conv-transpose2d.md, `convt.definition`): the inserted
 * zeros add products that are exactly 0, so each output is a direct sum of the same products a scatter would add.
 */
import type { Adapter, AvgPool2dOptions, ConvTranspose2dOptions, OperatorNumerics, TensorData } from '../../../src/adapter/contract.js';
import { avgPoolDivisor, windowCols, windowRows } from '../../../src/reference/avgPool2d.js';
import { avgPool2dGeometry } from '../../../src/shape/pool2dGeometry.js';
import { convTranspose2dGeometry, type TransposedAxis } from '../../../src/shape/convTranspose2dGeometry.js';
import { directConv2d, type Arithmetic } from './precisionAdapter.js';
import { roundTo } from './roundTo.js';

export function directCorr2d(arith: Arithmetic): (x: TensorData, k: TensorData) => TensorData {
  const conv = directConv2d(arith);
  return (x, k) => {
    const y = conv({ shape: [1, 1, ...x.shape], data: x.data }, { shape: [1, 1, ...k.shape], data: k.data }, null);
    return { shape: y.shape.slice(2), data: y.data };
  };
}

/** Where input index i lands on one axis of the spread, padded input, and that input's length. */
function spread(a: TransposedAxis): { at: (i: number) => number; length: number } {
  const lead = a.dilation * (a.kernel - 1) - a.padding;
  return { at: (i) => lead + i * a.stride, length: a.out + a.dilation * (a.kernel - 1) };
}

export function directConvTranspose2d(arith: Arithmetic): (input: TensorData, weight: TensorData, bias: TensorData | null, opts?: ConvTranspose2dOptions) => TensorData {
  const conv = directConv2d(arith);
  return (input, weight, bias, opts = {}) => {
    const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    const [sh, sw] = [spread(g.h), spread(g.w)];
    const x = new Float64Array(g.batch * g.inChannels * sh.length * sw.length);
    for (let p = 0; p < g.batch * g.inChannels; p++) for (let i = 0; i < g.h.size; i++) for (let j = 0; j < g.w.size; j++) {
      const [y, z] = [sh.at(i), sw.at(j)];
      if (y >= 0 && y < sh.length && z >= 0 && z < sw.length) x[(p * sh.length + y) * sw.length + z] = input.data[(p * g.h.size + i) * g.w.size + j]!;
    }
    const [kh, kw] = [g.h.kernel, g.w.kernel];
    const gi = g.inChannels / g.groups;
    const go = g.outChannels / g.groups;
    // conv2d weight [O, C/groups, kh, kw]: w'[q·go + o][c][a][b] = w[q·gi + c][o][kh − 1 − a][kw − 1 − b].
    const w = new Float64Array(g.outChannels * gi * kh * kw);
    for (let q = 0; q < g.groups; q++) for (let o = 0; o < go; o++) for (let c = 0; c < gi; c++) for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) {
      w[(((q * go + o) * gi + c) * kh + a) * kw + b] = weight.data[(((q * gi + c) * go + o) * kh + (kh - 1 - a)) * kw + (kw - 1 - b)]!;
    }
    return conv(
      { shape: [g.batch, g.inChannels, sh.length, sw.length], data: x },
      { shape: [g.outChannels, gi, kh, kw], data: w },
      bias,
      { dilation: [g.h.dilation, g.w.dilation], groups: g.groups },
    );
  };
}

/** avgPool2d summing each window's stored inputs in `accumulate`, dividing once, storing the mean (`pool.avg.definition`). */
export function directAvgPool2d(arith: Arithmetic): (input: TensorData, opts: AvgPool2dOptions) => TensorData {
  const store = arith.store ?? ((v: number) => roundTo(arith.storage, v));
  const acc = (v: number) => roundTo(arith.accumulate, v);
  return (input, opts) => {
    const g = avgPool2dGeometry(input.shape, opts);
    const x = Float64Array.from(input.data, store);
    const out = new Float64Array(g.batch * g.channels * g.h.out * g.w.out);
    for (let p = 0; p < g.batch * g.channels; p++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
      const [[y0, y1], [x0, x1]] = [windowRows(g, i), windowCols(g, j)];
      let s = 0;
      for (let y = y0; y < y1; y++) for (let z = x0; z < x1; z++) s = acc(s + x[(p * g.h.size + y) * g.w.size + z]!);
      out[(p * g.h.out + i) * g.w.out + j] = roundTo(arith.storage, acc(s / avgPoolDivisor(g, i, j)));
    }
    return { shape: [g.batch, g.channels, g.h.out, g.w.out], data: out };
  };
}

/** A float32 adapter whose corr2d, conv2d, convTranspose2d and avgPool2d compute in `arith`, each declaring `declared` (or nothing). */
export function summingPrecisionAdapter(name: string, arith: Arithmetic, declared: OperatorNumerics | undefined): Adapter {
  const numerics = declared === undefined ? {} : { numerics: { corr2d: declared, conv2d: declared, convTranspose2d: declared, avgPool2d: declared } };
  return { name, dtype: 'float32', ...numerics, corr2d: directCorr2d(arith), conv2d: directConv2d(arith), convTranspose2d: directConvTranspose2d(arith), avgPool2d: directAvgPool2d(arith) };
}
