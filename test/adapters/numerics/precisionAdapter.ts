/**
 * A direct conv2d that stores its inputs and output in one precision and sums in another, rounding after every
 * product and every addition (the way a TF32 tensor core, a float16 GPU kernel or a bfloat16 CPU kernel computes),
 * with a declaration (spec/numerics.md, `num.declaration`) that may be honest or not.
 */
import type { Adapter, Conv2dOptions, OperatorNumerics, Precision, TensorData } from '../../../src/adapter/contract.js';
import { padForConv } from '../../../src/reference/conv2d.js';
import { conv2dGeometry } from '../../../src/shape/conv2dGeometry.js';
import { toTensor } from '../../../src/tensor/tensorData.js';
import { roundTo } from './roundTo.js';

export interface Arithmetic {
  /** Inputs are rounded to this, and so is the output. */
  readonly storage: Precision;
  /** Every product and every partial sum is rounded to this. */
  readonly accumulate: Precision;
  /** How an input is brought to storage: rounding by default. */
  readonly store?: (x: number) => number;
}

export type SyncConv2d = (input: TensorData, weight: TensorData, bias: TensorData | null, opts?: Conv2dOptions) => TensorData;

export function directConv2d(arith: Arithmetic): SyncConv2d {
  const store = arith.store ?? ((v: number) => roundTo(arith.storage, v));
  const acc = (v: number) => roundTo(arith.accumulate, v);
  return (input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData => {
    const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    const padded = padForConv(toTensor(input, 'conv2d', 'input'), g);
    const [, , ph, pw] = padded.shape as [number, number, number, number];
    const x = Float64Array.from(padded.data, store);
    const w = Float64Array.from(weight.data, store);
    const out = new Float64Array(g.batch * g.outChannels * g.h.out * g.w.out);
    const gi = g.inChannels / g.groups;
    const go = g.outChannels / g.groups;
    for (let n = 0; n < g.batch; n++) for (let o = 0; o < g.outChannels; o++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
      let s = 0;
      for (let c = 0; c < gi; c++) for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
        const xv = x[((n * g.inChannels + Math.floor(o / go) * gi + c) * ph + i * g.h.stride + a * g.h.dilation) * pw + j * g.w.stride + b * g.w.dilation]!;
        s = acc(s + acc(xv * w[((o * gi + c) * g.h.kernel + a) * g.w.kernel + b]!));
      }
      if (bias) s = acc(s + store(bias.data[o]!));
      out[((n * g.outChannels + o) * g.h.out + i) * g.w.out + j] = roundTo(arith.storage, s);
    }
    return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
  };
}

export function precisionAdapter(name: string, dtype: Adapter['dtype'], arith: Arithmetic, declared: OperatorNumerics | undefined): Adapter {
  return { name, dtype, ...(declared !== undefined ? { numerics: { conv2d: declared } } : {}), conv2d: directConv2d(arith) };
}

/**
 * One unit in the last float32 place away from zero on every non-zero sum of at least four products: what γ(n) lets
 * through (2γ(4)·S ≥ 8u·S, one ulp ≤ 2u·|y|), and what `num.exact-integers` catches. (A single product has only
 * 2γ(1) ≈ 2u of room, which one ulp on top of its own rounding can exceed.)
 */
export function oneUlpOff(conv: SyncConv2d): SyncConv2d {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const bump = (v: number) => {
    if (v === 0 || !Number.isFinite(v)) return v;
    f32[0] = v;
    u32[0] = u32[0]! + 1; // the magnitude's next float32, same sign
    return f32[0]!;
  };
  return (input, weight, bias, opts) => {
    const y = conv(input, weight, bias, opts);
    const taps = weight.shape.slice(1).reduce((a, b) => a * b, 1);
    return taps < 4 ? y : { shape: y.shape, data: Float64Array.from(y.data, bump) };
  };
}
