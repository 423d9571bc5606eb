/**
 * The convolution theorem as an oracle (the notes' 卷积的意义, 003): zero-pad f and g to the full size, take
 * 2-D FFTs with mathjs, multiply point-wise, transform back; the real part is the full convolution f ∗ g.
 * mathjs's FFT shares no code with the reference.
 */
import type { Complex } from 'mathjs';

function padded(values: ArrayLike<number>, h: number, w: number, outH: number, outW: number): number[][] {
  return Array.from({ length: outH }, (_, i) => Array.from({ length: outW }, (_, j) => (i < h && j < w ? values[i * w + j]! : 0)));
}

/** Async because mathjs is loaded on first use: it takes a second or two to import, and most runs never need it. */
export async function fftConvolution(f: ArrayLike<number>, h: number, w: number, g: ArrayLike<number>, kh: number, kw: number): Promise<Float64Array> {
  const { complex, fft, ifft } = await import('mathjs');
  const outH = h + kh - 1;
  const outW = w + kw - 1;
  const F = fft(padded(f, h, w, outH, outW)) as unknown as Complex[][];
  const G = fft(padded(g, kh, kw, outH, outW)) as unknown as Complex[][];
  // mathjs answers plain numbers (not Complex) where a transform is real, e.g. for a 1×1 input.
  const asComplex = (z: Complex | number): Complex => (typeof z === 'number' ? complex(z, 0) : z);
  const product = F.map((row, i) => row.map((zRaw, j) => {
    const z = asComplex(zRaw);
    const y = asComplex(G[i]![j]!);
    return complex(z.re * y.re - z.im * y.im, z.re * y.im + z.im * y.re);
  }));
  const back = ifft(product) as unknown as Complex[][];
  const out = new Float64Array(outH * outW);
  back.forEach((row, i) => row.forEach((z, j) => (out[i * outW + j] = typeof z === 'number' ? z : z.re)));
  return out;
}
