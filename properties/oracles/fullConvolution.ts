/**
 * True 2-D convolution in the signal-processing form (f ∗ g)[p, q] = Σ_a Σ_b g[a, b] · f[p − a, q − b], "full"
 * size (H + kh − 1) × (W + kw − 1) — written from the definition, independent of the reference's corr2d. Its
 * "valid" part [kh − 1 … H − 1] × [kw − 1 … W − 1] is what a correlation with the flipped kernel computes
 * (`corr.true-convolution`).
 */
export function fullConvolution(f: ArrayLike<number>, h: number, w: number, g: ArrayLike<number>, kh: number, kw: number): { data: Float64Array; absSum: Float64Array } {
  const outH = h + kh - 1;
  const outW = w + kw - 1;
  const data = new Float64Array(outH * outW);
  const absSum = new Float64Array(outH * outW);
  for (let p = 0; p < outH; p++) {
    for (let q = 0; q < outW; q++) {
      let s = 0;
      let t = 0;
      for (let a = 0; a < kh; a++) {
        const i = p - a;
        if (i < 0 || i >= h) continue;
        for (let b = 0; b < kw; b++) {
          const j = q - b;
          if (j < 0 || j >= w) continue;
          const term = g[a * kw + b]! * f[i * w + j]!;
          s += term;
          t += Math.abs(term);
        }
      }
      data[p * outW + q] = s;
      absSum[p * outW + q] = t;
    }
  }
  return { data, absSum };
}

/** The valid part of a full convolution. */
export function validPart(full: Float64Array, h: number, w: number, kh: number, kw: number): Float64Array {
  const outW = w + kw - 1;
  const vh = h - kh + 1;
  const vw = w - kw + 1;
  const out = new Float64Array(vh * vw);
  for (let i = 0; i < vh; i++) for (let j = 0; j < vw; j++) out[i * vw + j] = full[(i + kh - 1) * outW + (j + kw - 1)]!;
  return out;
}
