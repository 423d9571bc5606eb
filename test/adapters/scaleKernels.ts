/**
 * Plain loops the scale broken adapters (scaleBrokenAdapters.ts) bend: a direct conv2d whose reduction can be
 * replaced, a max pool whose NaN rule and element offset can be replaced, a circular pad with its own index
 * rule, and float16 rounding. Each is the reference's rule (spec/conv2d.md `conv.definition`, spec/pooling.md
 * `pool.max.definition`, spec/padding.md `pad.circular`) until a hook changes it.
 */
import type { Conv2dOptions, MaxPool2dOptions, Pads, TensorData } from '../../src/adapter/contract.js';
import { padForConv } from '../../src/reference/conv2d.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { pad2dGeometry } from '../../src/shape/pad2dGeometry.js';
import { maxPool2dGeometry } from '../../src/shape/pool2dGeometry.js';
import { toTensor } from '../../src/tensor/tensorData.js';

/** conv2d with the K = C_g·kh·kw products of each output handed, in (c, a, b) order, to `reduce`. */
export function conv2dReducing(reduce: (terms: Float64Array) => number) {
  return (input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData => {
    const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    const x = padForConv(toTensor(input, 'conv2d', 'input'), g);
    const [, , ph, pw] = x.shape as [number, number, number, number];
    const gi = g.inChannels / g.groups;
    const go = g.outChannels / g.groups;
    const terms = new Float64Array(gi * g.h.kernel * g.w.kernel);
    const out = new Float64Array(g.batch * g.outChannels * g.h.out * g.w.out);
    for (let n = 0; n < g.batch; n++) for (let o = 0; o < g.outChannels; o++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
      let t = 0;
      for (let c = 0; c < gi; c++) for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
        const xv = x.data[((n * g.inChannels + Math.floor(o / go) * gi + c) * ph + i * g.h.stride + a * g.h.dilation) * pw + j * g.w.stride + b * g.w.dilation]!;
        terms[t++] = xv * weight.data[((o * gi + c) * g.h.kernel + a) * g.w.kernel + b]!;
      }
      out[((n * g.outChannels + o) * g.h.out + i) * g.w.out + j] = reduce(terms) + (bias ? bias.data[o]! : 0);
    }
    return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
  };
}

export interface MaxPoolHooks {
  /** Whether a NaN tap wins in this window (the spec: always, `pool.max.nan`). */
  readonly nanWins: (window: { channel: number; kernelW: number }) => boolean;
  /** The in-plane offset actually read for y·W + x (the spec: itself). */
  readonly offset: (offset: number) => number;
}

export function maxPoolWith(hooks: MaxPoolHooks) {
  return (input: TensorData, opts: MaxPool2dOptions): TensorData => {
    const g = maxPool2dGeometry(input.shape, opts);
    const plane = g.h.size * g.w.size;
    const out = new Float64Array(g.batch * g.channels * g.h.out * g.w.out);
    for (let p = 0; p < g.batch * g.channels; p++) {
      const nanWins = hooks.nanWins({ channel: p % g.channels, kernelW: g.w.kernel });
      for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
        let best = -Infinity;
        for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
          const y = i * g.h.stride - g.h.padBefore + a * g.h.dilation;
          const x = j * g.w.stride - g.w.padBefore + b * g.w.dilation;
          if (y < 0 || y >= g.h.size || x < 0 || x >= g.w.size) continue;
          const v = input.data[p * plane + Math.min(hooks.offset(y * g.w.size + x), plane - 1)]!;
          if (v > best || (nanWins && Number.isNaN(v))) best = v;
          if (nanWins && Number.isNaN(best)) break;
        }
        out[(p * g.h.out + i) * g.w.out + j] = best;
      }
    }
    return { shape: [g.batch, g.channels, g.h.out, g.w.out], data: out };
  };
}

/** Circular pad2d (non-negative pads) whose column source for a position left of the input is `leftSource(i, n)`. */
export function circularPadWith(leftSource: (i: number, n: number) => number) {
  return (input: TensorData, pads: Pads): TensorData => {
    const g = pad2dGeometry(input.shape, pads, 'circular');
    const planes = input.data.length / (g.height * g.width);
    const out = new Float64Array(planes * g.outH * g.outW);
    const wrap = (i: number, n: number) => (i < 0 ? leftSource(i, n) : i % n);
    for (let p = 0; p < planes; p++) for (let r = 0; r < g.outH; r++) for (let c = 0; c < g.outW; c++) {
      const sr = wrap(r - pads.top, g.height);
      const sc = wrap(c - pads.left, g.width);
      // Flat row-major arithmetic, as a kernel computes it: a column index of n lands on the next row.
      out[(p * g.outH + r) * g.outW + c] = input.data[(p * g.height + sr) * g.width + sc] ?? 0;
    }
    return { shape: [...g.outerShape, g.outH, g.outW], data: out };
  };
}

/** x rounded to the nearest float16 (ties to even); integers above 2048 lose their last bits. */
export function toFloat16(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const exponent = Math.floor(Math.log2(Math.abs(x)));
  const spacing = 2 ** (Math.max(exponent, -14) - 10);
  const q = x / spacing;
  const r = Math.round(q);
  const even = Math.abs(q - Math.trunc(q)) === 0.5 ? 2 * Math.round(q / 2) : r;
  return even * spacing;
}
