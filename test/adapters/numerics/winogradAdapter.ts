/**
 * A float32 Winograd F(m×m, 3×3) conv2d and corr2d as cuDNN, NNPACK and oneDNN compute them (Lavin & Gray 2016):
 * per 3×3 kernel U = G g Gᵀ, per input tile V = Bᵀ d B, M = Σ_c U ⊙ V, Y = Aᵀ M A, every product and addition
 * rounded to float32 and zero coefficients skipped (a hard-coded transform has no 0·x term). Calls with another
 * kernel size, a stride or a dilation are computed directly, as those libraries fall back to. `transform` may be
 * a corrupted copy of the true matrices, for the adapter that must be caught (spec/numerics.md, `num.bound.winograd`).
 */
import type { Adapter, Conv2dOptions, OperatorNumerics, TensorData } from '../../../src/adapter/contract.js';
import { winogradApplies } from '../../../src/check/winogradBound.js';
import type { WinogradTransform } from '../../../src/check/winogradTransforms.js';
import { padForConv } from '../../../src/reference/conv2d.js';
import { conv2dGeometry } from '../../../src/shape/conv2dGeometry.js';
import { toTensor } from '../../../src/tensor/tensorData.js';
import { directConv2d, type SyncConv2d } from './precisionAdapter.js';

const f = Math.fround;

/** L X Rᵀ in float32, skipping zero coefficients. */
function sandwich(L: readonly (readonly number[])[], X: readonly number[][], R: readonly (readonly number[])[]): number[][] {
  const dot = (coeffs: readonly number[], at: (q: number) => number) => {
    let s = 0;
    let first = true;
    coeffs.forEach((c, q) => {
      if (c === 0) return;
      const term = c === 1 ? at(q) : c === -1 ? -at(q) : f(f(c) * at(q));
      s = first ? term : f(s + term);
      first = false;
    });
    return s;
  };
  const left = L.map((row) => X[0]!.map((_, j) => dot(row, (q) => X[q]![j]!)));
  return left.map((row) => R.map((r) => dot(r, (q) => row[q]!)));
}

export function winogradConv2d(t: WinogradTransform): SyncConv2d {
  const direct = directConv2d({ storage: 'float32', accumulate: 'float32' });
  const alpha = t.m + t.r - 1;
  return (input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData => {
    if (!winogradApplies({ op: 'conv2d', inputs: { input, weight, bias }, options: { ...opts } })) return direct(input, weight, bias, opts);
    const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    const padded = padForConv(toTensor(input, 'conv2d', 'input'), g);
    const [, , hp, wp] = padded.shape as [number, number, number, number];
    const gc = g.inChannels / g.groups;
    const go = g.outChannels / g.groups;
    const U = Array.from({ length: g.outChannels * gc }, (_, q) => {
      const k = Array.from({ length: 3 }, (_, a) => Array.from({ length: 3 }, (_, b) => f(weight.data[q * 9 + a * 3 + b]!)));
      return sandwich(t.G, k, t.G);
    });
    const out = new Float64Array(g.batch * g.outChannels * g.h.out * g.w.out);
    for (let n = 0; n < g.batch; n++) for (let ti = 0; ti < g.h.out; ti += t.m) for (let tj = 0; tj < g.w.out; tj += t.m) for (let grp = 0; grp < g.groups; grp++) {
      const V = Array.from({ length: gc }, (_, c) => {
        const plane = (n * g.inChannels + grp * gc + c) * hp * wp;
        const d = Array.from({ length: alpha }, (_, a) => Array.from({ length: alpha }, (_, b) => (ti + a < hp && tj + b < wp ? f(padded.data[plane + (ti + a) * wp + tj + b]!) : 0)));
        return sandwich(t.BT, d, t.BT);
      });
      for (let oo = 0; oo < go; oo++) {
        const o = grp * go + oo;
        const M = Array.from({ length: alpha }, (_, a) => Array.from({ length: alpha }, (_, b) => {
          let s = 0;
          for (let c = 0; c < gc; c++) s = f(s + f(U[o * gc + c]![a]![b]! * V[c]![a]![b]!));
          return s;
        }));
        const Y = sandwich(t.AT, M, t.AT);
        for (let a = 0; a < t.m && ti + a < g.h.out; a++) for (let b = 0; b < t.m && tj + b < g.w.out; b++) {
          out[((n * g.outChannels + o) * g.h.out + ti + a) * g.w.out + tj + b] = bias ? f(Y[a]![b]! + f(bias.data[o]!)) : Y[a]![b]!;
        }
      }
    }
    return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
  };
}

export function winogradAdapter(name: string, t: WinogradTransform, declared: OperatorNumerics): Adapter {
  const conv2d = winogradConv2d(t);
  return {
    name,
    dtype: 'float32',
    numerics: { conv2d: declared, corr2d: declared },
    conv2d,
    corr2d: (x, k) => {
      const y = conv2d({ shape: [1, 1, ...x.shape], data: x.data }, { shape: [1, 1, ...k.shape], data: k.data }, null, {});
      return { shape: y.shape.slice(2), data: y.data };
    },
  };
}
