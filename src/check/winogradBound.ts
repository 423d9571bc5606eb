/**
 * The componentwise error bound of Winograd F(m×m, 3×3) convolution (spec/numerics.md, `num.bound.winograd`):
 * every output element is within γ_k of the same algorithm run on absolute values, |Aᵀ|[Σ_c (|G||g_c||G|ᵀ) ⊙
 * (|Bᵀ||d_c||B|)]|A| (+ |b|), where k counts the roundings on the longest path from an input to the output.
 * Tiles start at output (0, 0) and step by m; a partial tile at the bottom or right edge reads zeros past the
 * padded input. Which tiles hold a non-finite value is `num.nan-locality`'s business.
 */
import type { OperatorCall } from '../adapter/operatorCall.js';
import { convPlanes, isTransformCall, type ConvPlanes } from './convPlanes.js';
import { winogradTransform, type WinogradTransform } from './winogradTransforms.js';

export interface TransformEstimate {
  /** Per output element, the algorithm run on |inputs| (+ λ) with |transform matrices| (+ |b|). */
  readonly absSum: Float64Array;
  /** Roundings on the longest path from an input to an output: the k of γ_k. */
  readonly roundings: number;
  /** Per output element, whether its transform block (tile or plane) holds a non-finite input (`num.nan-locality`). */
  readonly blockNonFinite: Uint8Array;
}

/** Whether a Winograd F(m, 3) computes the call; any other call the adapter computes directly (`num.bound.winograd`). */
export function winogradApplies(call: OperatorCall): boolean {
  if (!isTransformCall(call)) return false;
  const k = call.op === 'corr2d' ? call.inputs['k']! : call.inputs['weight']!;
  const [kh, kw] = k.shape.slice(-2);
  if (kh !== 3 || kw !== 3) return false;
  const o = (call.options ?? {}) as { stride?: number | readonly number[]; dilation?: number | readonly number[] };
  const ones = (v: number | readonly number[] | undefined) => v === undefined || (typeof v === 'number' ? v === 1 : v.every((x) => x === 1));
  return ones(o.stride) && ones(o.dilation);
}

/**
 * k for F(m, r) over C channels: each 1-D transform stage is an inner product of length L with constant
 * coefficients, L + 1 roundings on a path (the constant's own, the product, L − 1 additions); the weight transform
 * has two stages of length r, the input and output transforms two of length α each, then the elementwise product
 * (1), the sum over C channels (C − 1, counted C) and the bias (1).
 */
export function winogradRoundings(t: WinogradTransform, channels: number, bias: boolean): number {
  const alpha = t.m + t.r - 1;
  return 2 * (t.r + 1) + 4 * (alpha + 1) + 1 + channels + (bias ? 1 : 0);
}

const absMatrix = (a: readonly (readonly number[])[]) => a.map((row) => row.map(Math.abs));

/** |L| X |R|ᵀ for small dense matrices (L: p × q, X: q × q', R: p' × q'). */
function sandwich(L: readonly (readonly number[])[], X: readonly number[][], R: readonly (readonly number[])[]): number[][] {
  const left = L.map((row) => X[0]!.map((_, j) => row.reduce((s, l, q) => s + l * X[q]![j]!, 0)));
  return left.map((row) => R.map((r) => r.reduce((s, v, q) => s + v * row[q]!, 0)));
}

export function winogradEstimate(call: OperatorCall, tile: number, shift: number): TransformEstimate {
  const t = winogradTransform(tile);
  const p: ConvPlanes = convPlanes(call, shift);
  const { g, hp, wp } = p;
  const alpha = t.m + t.r - 1;
  const [AT, G, BT] = [absMatrix(t.AT), absMatrix(t.G), absMatrix(t.BT)];
  const gc = g.inChannels / g.groups;
  const go = g.outChannels / g.groups;
  const [oh, ow] = [g.h.out, g.w.out];
  const absSum = new Float64Array(g.batch * g.outChannels * oh * ow);
  const blockNonFinite = new Uint8Array(absSum.length);
  // |G||g||G|ᵀ per (o, c), once.
  const U: number[][][] = [];
  for (let o = 0; o < g.outChannels; o++) for (let c = 0; c < gc; c++) {
    const k = Array.from({ length: t.r }, (_, a) => Array.from({ length: t.r }, (_, b) => p.weight[((o * gc + c) * t.r + a) * t.r + b]!));
    U.push(sandwich(G, k, G));
  }
  for (let n = 0; n < g.batch; n++) for (let ti = 0; ti < oh; ti += t.m) for (let tj = 0; tj < ow; tj += t.m) for (let grp = 0; grp < g.groups; grp++) {
    const M = Array.from({ length: go }, () => Array.from({ length: alpha }, () => new Array<number>(alpha).fill(0)));
    let dirty = false;
    for (let c = 0; c < gc; c++) {
      const plane = (n * g.inChannels + grp * gc + c) * hp * wp;
      const d = Array.from({ length: alpha }, (_, a) => Array.from({ length: alpha }, (_, b) => {
        const [i, j] = [ti + a, tj + b];
        if (i >= hp || j >= wp) return 0;
        if (p.inputNonFinite[plane + i * wp + j]) dirty = true;
        return p.input[plane + i * wp + j]!;
      }));
      const V = sandwich(BT, d, BT);
      for (let oo = 0; oo < go; oo++) {
        const u = U[(grp * go + oo) * gc + c]!;
        const m = M[oo]!;
        for (let a = 0; a < alpha; a++) for (let b = 0; b < alpha; b++) m[a]![b]! += u[a]![b]! * V[a]![b]!;
      }
    }
    for (let oo = 0; oo < go; oo++) {
      const o = grp * go + oo;
      const Y = sandwich(AT, M[oo]!, AT);
      for (let a = 0; a < t.m && ti + a < oh; a++) for (let b = 0; b < t.m && tj + b < ow; b++) {
        const at = ((n * g.outChannels + o) * oh + ti + a) * ow + tj + b;
        absSum[at] = Y[a]![b]! + (p.bias?.[o] ?? 0);
        blockNonFinite[at] = dirty || p.channelNonFinite[o] ? 1 : 0;
      }
    }
  }
  return { absSum, roundings: winogradRoundings(t, gc, p.bias !== null), blockNonFinite };
}
