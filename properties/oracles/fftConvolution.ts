/**
 * The convolution theorem as an oracle (the notes' 卷积的意义, 003): zero-pad f and g past the full size, take
 * 2-D FFTs with fft.js (a radix-4 FFT of power-of-two sizes, by Fedor Indutny), multiply point-wise, transform
 * back; the real part of the first (h + kh − 1) × (w + kw − 1) values is the full convolution f ∗ g. Padding to
 * a power of two changes nothing there: a linear convolution fits in any cyclic length at least its own size.
 * fft.js shares no code with the reference.
 */
import FFT from 'fft.js';

/** The smallest power of two that is at least n and at least 2 (fft.js's smallest size). */
const powerOfTwo = (n: number): number => {
  let p = 2;
  while (p < n) p *= 2;
  return p;
};

/** In-place 2-D transform of a P × Q complex array (interleaved re, im), rows then columns. */
function transform2d(data: Float64Array, P: number, Q: number, inverse: boolean): void {
  const rows = new FFT(Q);
  const columns = new FFT(P);
  const run = (f: FFT, out: number[], inp: number[]) => (inverse ? f.inverseTransform(out, inp) : f.transform(out, inp));
  const rowIn = rows.createComplexArray() as number[];
  const rowOut = rows.createComplexArray() as number[];
  for (let i = 0; i < P; i++) {
    for (let k = 0; k < 2 * Q; k++) rowIn[k] = data[2 * i * Q + k]!;
    run(rows, rowOut, rowIn);
    for (let k = 0; k < 2 * Q; k++) data[2 * i * Q + k] = rowOut[k]!;
  }
  const colIn = columns.createComplexArray() as number[];
  const colOut = columns.createComplexArray() as number[];
  for (let j = 0; j < Q; j++) {
    for (let i = 0; i < P; i++) {
      colIn[2 * i] = data[2 * (i * Q + j)]!;
      colIn[2 * i + 1] = data[2 * (i * Q + j) + 1]!;
    }
    run(columns, colOut, colIn);
    for (let i = 0; i < P; i++) {
      data[2 * (i * Q + j)] = colOut[2 * i]!;
      data[2 * (i * Q + j) + 1] = colOut[2 * i + 1]!;
    }
  }
}

/** f (h × w) and g (kh × kw), row-major, placed at the origin of a zero P × Q complex array. */
function placed(values: ArrayLike<number>, h: number, w: number, P: number, Q: number): Float64Array {
  const out = new Float64Array(2 * P * Q);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out[2 * (i * Q + j)] = values[i * w + j]!;
  return out;
}

/** The transform's size, P × Q, for an h × w plane and a kh × kw kernel: what its error grows with. */
export function fftSize(h: number, w: number, kh: number, kw: number): { readonly P: number; readonly Q: number } {
  return { P: powerOfTwo(h + kh - 1), Q: powerOfTwo(w + kw - 1) };
}

export function fftConvolution(f: ArrayLike<number>, h: number, w: number, g: ArrayLike<number>, kh: number, kw: number): Float64Array {
  const outH = h + kh - 1;
  const outW = w + kw - 1;
  const { P, Q } = fftSize(h, w, kh, kw);
  const F = placed(f, h, w, P, Q);
  const G = placed(g, kh, kw, P, Q);
  transform2d(F, P, Q, false);
  transform2d(G, P, Q, false);
  for (let k = 0; k < P * Q; k++) {
    const [a, b, c, d] = [F[2 * k]!, F[2 * k + 1]!, G[2 * k]!, G[2 * k + 1]!];
    F[2 * k] = a * c - b * d;
    F[2 * k + 1] = a * d + b * c;
  }
  transform2d(F, P, Q, true);
  const out = new Float64Array(outH * outW);
  for (let i = 0; i < outH; i++) for (let j = 0; j < outW; j++) out[i * outW + j] = F[2 * (i * Q + j)]!;
  return out;
}
