/**
 * Meta tests of the transform bounds (spec/numerics.md, `num.bound.winograd`, `num.bound.fft`, `num.nan-locality`).
 * Expected values are derived by hand in the comments, never by the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { compareTensors } from '../../src/check/compareTensors.js';
import { fftEstimate, fftStages } from '../../src/check/fftBound.js';
import { winogradApplies, winogradEstimate, winogradRoundings } from '../../src/check/winogradBound.js';
import { WINOGRAD_F2_3, WINOGRAD_F4_3 } from '../../src/check/winogradTransforms.js';
import { tensor } from '../../src/tensor/tensor.js';

const ones = (shape: number[]) => ({ shape, data: new Float64Array(shape.reduce((a, b) => a * b, 1)).fill(1) });
const conv = (input: { shape: number[]; data: Float64Array }, weight: { shape: number[]; data: Float64Array }, options: Record<string, unknown> = {}): OperatorCall => ({ op: 'conv2d', inputs: { input, weight, bias: null }, options });

describe('Winograd F(m, 3) bound', () => {
  it('counts k = 2(r+1) + 4(α+1) + 1 + C (+1 with bias)', () => {
    // F(2,3): r = 3, α = 4: 8 + 20 + 1 + C. F(4,3): α = 6: 8 + 28 + 1 + C.
    expect(winogradRoundings(WINOGRAD_F2_3, 1, false)).toBe(30);
    expect(winogradRoundings(WINOGRAD_F2_3, 16, true)).toBe(46);
    expect(winogradRoundings(WINOGRAD_F4_3, 1, false)).toBe(38);
  });

  it('E = 64 for F(2,3) on all-ones 4×4 input and 3×3 kernel (S = 9)', () => {
    // |G|·1 = row sums [1, 1.5, 1.5, 1] =: s, so |G||g||G|ᵀ = s sᵀ; |Bᵀ| rows each sum to 2, so |Bᵀ| d |B| = 4·1;
    // |Aᵀ| s = [1+1.5+1.5, 1.5+1.5+1] = [4, 4]; Y = 4·(4·4) = 64 at each of the 4 outputs.
    const e = winogradEstimate(conv(ones([1, 1, 4, 4]), ones([1, 1, 3, 3])), 2, 0);
    expect(Array.from(e.absSum)).toEqual([64, 64, 64, 64]);
  });

  it('a partial tile reads zeros past the input: 3×3 input, one output', () => {
    // The tile's last row and column are zeros: d = 1 on [0..2]² only. |Bᵀ| d |B| row j of |Bᵀ|: [1,0,1,0]·[1,1,1,0] = 2,
    // [0,1,1,0] → 2, [0,1,1,0] → 2, [0,1,0,1] → 1; so V = v vᵀ with v = [2, 2, 2, 1]. M = (s ⊙ v)(s ⊙ v)ᵀ with
    // s ⊙ v = [2, 3, 3, 1]; the first output reads |Aᵀ| row [1, 1, 1, 0]: (2 + 3 + 3)² = 64.
    const e = winogradEstimate(conv(ones([1, 1, 3, 3]), ones([1, 1, 3, 3])), 2, 0);
    expect(Array.from(e.absSum)).toEqual([64]);
  });

  it('applies to 3×3, stride 1, dilation 1 only', () => {
    expect(winogradApplies(conv(ones([1, 1, 5, 5]), ones([1, 1, 3, 3])))).toBe(true);
    expect(winogradApplies(conv(ones([1, 1, 5, 5]), ones([1, 1, 3, 3]), { stride: 2 }))).toBe(false);
    expect(winogradApplies(conv(ones([1, 1, 5, 5]), ones([1, 1, 3, 3]), { dilation: [1, 2] }))).toBe(false);
    expect(winogradApplies(conv(ones([1, 1, 5, 5]), ones([1, 1, 2, 2])))).toBe(false);
  });

  it('marks the tiles holding a non-finite input, and only those', () => {
    // 6×6 input, 4×4 outputs in four 2×2 tiles; an ∞ at input (0, 0) lies only in tile (0, 0)'s 4×4 window.
    const x = ones([1, 1, 6, 6]);
    x.data[0] = Infinity;
    const e = winogradEstimate(conv(x, ones([1, 1, 3, 3])), 2, 0);
    const dirty = Array.from(e.blockNonFinite);
    expect(dirty).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('FFT bound', () => {
  it('T = Σ_c ‖x_c‖₁·‖w_c‖₁ per plane; t from the padded extent', () => {
    // 2 channels of a 3×3 input of ones (‖x_c‖₁ = 9) and 2×2 kernels of twos (‖w_c‖₁ = 8): T = 2·72 = 144.
    const w = { shape: [1, 2, 2, 2], data: new Float64Array(8).fill(2) };
    const e = fftEstimate(conv(ones([1, 2, 3, 3]), w), 0);
    expect(Array.from(e.absSum)).toEqual([144, 144, 144, 144]);
    // Full extent 3 + 2 − 1 = 4 per axis: ⌈log₂ 8⌉ = 3 each.
    expect(e.stages).toBe(6);
    expect(fftStages(5, 5, 3, 3)).toBe(8); // 5 + 3 − 1 = 7: ⌈log₂ 14⌉ = 4 per axis
  });

  it('one non-finite input spoils its whole plane', () => {
    const x = ones([1, 1, 4, 4]);
    x.data[5] = Number.NaN;
    const e = fftEstimate(conv(x, ones([1, 1, 2, 2])), 0);
    expect(Array.from(e.blockNonFinite)).toEqual(new Array(9).fill(1));
  });
});

describe('compareTensors under num.nan-locality', () => {
  const expected = tensor([4], [1, Infinity, 1, 1]);
  const dirty = (i: number) => i === 2;
  it('accepts any non-finite value where the reference is non-finite, and in a block with a non-finite input', () => {
    expect(compareTensors(tensor([4], [1, Number.NaN, Infinity, 1]), expected, () => 0, dirty).ok).toBe(true);
  });
  it('rejects a non-finite value in a clean block, and a finite one where the reference is ∞', () => {
    expect(compareTensors(tensor([4], [1, Infinity, 1, Number.NaN]), expected, () => 0, dirty).mismatches).toBe(1);
    expect(compareTensors(tensor([4], [1, 5, 1, 1]), expected, () => 0, dirty).mismatches).toBe(1);
  });
  it('without blockNonFinite keeps IEEE propagation: NaN where the reference is ∞ fails', () => {
    expect(compareTensors(tensor([4], [1, Number.NaN, 1, 1]), expected, () => 0).ok).toBe(false);
  });
});
