/**
 * The normwise error bound of FFT convolution per output plane (spec/numerics.md, `num.bound.fft`): every element
 * of output plane (n, o) is within ε·T of the exact result, T = Σ_c ‖x_{n,c}‖₁·‖w_{o,c}‖₁ (+ |b_o|), with ε growing
 * like the number of radix-2 stages t = log₂ of the transform size (Higham §24.1, Theorem 24.2; the per-stage
 * factor η = μ + γ₄(√2 + μ) is his).
 */
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { Precision } from '../adapter/contract.js';
import { convPlanes } from './convPlanes.js';
import { precisionRoundoff } from './declaredNumerics.js';
import type { TransformEstimate } from './winogradBound.js';

/**
 * Radix-2 stages of a 2-D transform big enough for the call, allowing sizes up to twice the next power of two of
 * the full correlation's extent (an implementation may pad further for speed): ⌈log₂ 2(Hp + d_h(k_h − 1))⌉ +
 * the same for the width.
 */
export function fftStages(paddedH: number, paddedW: number, extentH: number, extentW: number): number {
  return Math.ceil(Math.log2(2 * (paddedH + extentH - 1))) + Math.ceil(Math.log2(2 * (paddedW + extentW - 1)));
}

/**
 * The relative factor ε of `num.bound.fft` for t stages in accumulation precision a and C channels (bias: one more
 * addition): (1 + ε_t)³(1 + √2·γ₂)(1 + γ_C)(1 + u)^(1 + bias) − 1, with ε_t = tη/(1 − tη) and twiddle error μ = 2u.
 */
export function fftRelative(stages: number, channels: number, accumulate: Precision, bias: boolean): number {
  const u = precisionRoundoff(accumulate);
  const gamma = (k: number) => (k * u < 1 ? (k * u) / (1 - k * u) : Infinity);
  const mu = 2 * u;
  const eta = mu + gamma(4) * (Math.SQRT2 + mu);
  const eps = stages * eta < 1 ? (stages * eta) / (1 - stages * eta) : Infinity;
  return (1 + eps) ** 3 * (1 + Math.SQRT2 * gamma(2)) * (1 + gamma(channels)) * (1 + u) ** (bias ? 2 : 1) - 1;
}

/** T per output element (constant over a plane) and the plane's non-finite flag; `roundings` is unused (0). */
export function fftEstimate(call: OperatorCall, shift: number): TransformEstimate & { readonly stages: number } {
  const p = convPlanes(call, shift);
  const { g, hp, wp } = p;
  const gc = g.inChannels / g.groups;
  const go = g.outChannels / g.groups;
  const kk = g.h.kernel * g.w.kernel;
  const plane = g.h.out * g.w.out;
  const inputL1 = new Float64Array(g.batch * g.inChannels);
  const inputBad = new Uint8Array(g.batch * g.inChannels);
  for (let q = 0; q < inputL1.length; q++) for (let e = q * hp * wp; e < (q + 1) * hp * wp; e++) {
    inputL1[q]! += p.input[e]!;
    if (p.inputNonFinite[e]) inputBad[q] = 1;
  }
  const absSum = new Float64Array(g.batch * g.outChannels * plane);
  const blockNonFinite = new Uint8Array(absSum.length);
  for (let n = 0; n < g.batch; n++) for (let o = 0; o < g.outChannels; o++) {
    const grp = Math.floor(o / go);
    let T = p.bias?.[o] ?? 0;
    let dirty = p.channelNonFinite[o] === 1;
    for (let c = 0; c < gc; c++) {
      let wl1 = 0;
      for (let q = (o * gc + c) * kk; q < (o * gc + c + 1) * kk; q++) wl1 += p.weight[q]!;
      T += inputL1[n * g.inChannels + grp * gc + c]! * wl1;
      dirty ||= inputBad[n * g.inChannels + grp * gc + c] === 1;
    }
    absSum.fill(T, (n * g.outChannels + o) * plane, (n * g.outChannels + o + 1) * plane);
    blockNonFinite.fill(dirty ? 1 : 0, (n * g.outChannels + o) * plane, (n * g.outChannels + o + 1) * plane);
  }
  const stages = fftStages(hp, wp, g.h.dilation * (g.h.kernel - 1) + 1, g.w.dilation * (g.w.kernel - 1) + 1);
  return { absSum, roundings: 0, blockNonFinite, stages };
}
