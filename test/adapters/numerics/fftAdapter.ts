/**
 * An FFT conv2d and corr2d as scipy.signal.fftconvolve, cuDNN's FFT algorithms and ml-convolution's fft mode compute
 * them: per output plane, the inverse 2-D transform of Σ_c FFT(x_c)·conj(FFT(w_c)) (correlation), at a power-of-two
 * size at least the padded input, then stride by subsampling and dilation by a zero-inserted kernel. An iterative
 * radix-2 Cooley–Tukey transform with every real operation rounded to the adapter's precision (float64, or float32
 * via Math.fround) and twiddles computed in float64 and rounded once. `shrink` halves the transform size on each
 * axis, the truncation bug that must be caught (spec/numerics.md, `num.bound.fft`).
 */
import type { Adapter, Conv2dOptions, OperatorNumerics, TensorData } from '../../../src/adapter/contract.js';
import { padForConv } from '../../../src/reference/conv2d.js';
import { conv2dGeometry } from '../../../src/shape/conv2dGeometry.js';
import { toTensor } from '../../../src/tensor/tensorData.js';
import type { SyncConv2d } from './precisionAdapter.js';

type Round = (v: number) => number;

const nextPow2 = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/** In-place radix-2 FFT of re/im (length a power of two), sign −1 forward, +1 inverse (unscaled). */
function fft1d(re: Float64Array, im: Float64Array, sign: number, r: Round): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    for (let k = 0; k < half; k++) {
      const wr = r(Math.cos((2 * Math.PI * k) / len));
      const wi = r(sign * Math.sin((2 * Math.PI * k) / len));
      for (let s = 0; s < n; s += len) {
        const [a, b] = [s + k, s + k + half];
        const tr = r(r(wr * re[b]!) - r(wi * im[b]!));
        const ti = r(r(wr * im[b]!) + r(wi * re[b]!));
        re[b] = r(re[a]! - tr);
        im[b] = r(im[a]! - ti);
        re[a] = r(re[a]! + tr);
        im[a] = r(im[a]! + ti);
      }
    }
  }
}

/** 2-D transform of an nh × nw row-major plane: rows, then columns. */
function fft2d(re: Float64Array, im: Float64Array, nh: number, nw: number, sign: number, r: Round): void {
  const [rr, ri] = [new Float64Array(nw), new Float64Array(nw)];
  for (let i = 0; i < nh; i++) {
    rr.set(re.subarray(i * nw, (i + 1) * nw));
    ri.set(im.subarray(i * nw, (i + 1) * nw));
    fft1d(rr, ri, sign, r);
    re.set(rr, i * nw);
    im.set(ri, i * nw);
  }
  const [cr, ci] = [new Float64Array(nh), new Float64Array(nh)];
  for (let j = 0; j < nw; j++) {
    for (let i = 0; i < nh; i++) [cr[i], ci[i]] = [re[i * nw + j]!, im[i * nw + j]!];
    fft1d(cr, ci, sign, r);
    for (let i = 0; i < nh; i++) [re[i * nw + j], im[i * nw + j]] = [cr[i]!, ci[i]!];
  }
}

export function fftConv2d(precision: 'float64' | 'float32', shrink = false): SyncConv2d {
  const r: Round = precision === 'float32' ? Math.fround : (v) => v;
  return (input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData => {
    const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
    const padded = padForConv(toTensor(input, 'conv2d', 'input'), g);
    const [, , hp, wp] = padded.shape as [number, number, number, number];
    // At least the padded input, so the circular correlation wraps nothing into the valid outputs.
    const nh = shrink && hp > 1 ? nextPow2(hp) / 2 : nextPow2(hp);
    const nw = shrink && wp > 1 ? nextPow2(wp) / 2 : nextPow2(wp);
    const size = nh * nw;
    const gc = g.inChannels / g.groups;
    const go = g.outChannels / g.groups;
    const { kernel: kh, dilation: dh, stride: sh } = g.h;
    const { kernel: kw, dilation: dw, stride: sw } = g.w;
    // Kernel transforms, once per (o, c); taps beyond a shrunk size wrap around as a circular buffer does.
    const K = Array.from({ length: g.outChannels * gc }, (_, q) => {
      const [re, im] = [new Float64Array(size), new Float64Array(size)];
      for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) re[((a * dh) % nh) * nw + ((b * dw) % nw)]! += r(weight.data[(q * kh + a) * kw + b]!);
      fft2d(re, im, nh, nw, -1, r);
      return { re, im };
    });
    const out = new Float64Array(g.batch * g.outChannels * g.h.out * g.w.out);
    for (let n = 0; n < g.batch; n++) for (let grp = 0; grp < g.groups; grp++) {
      const X = Array.from({ length: gc }, (_, c) => {
        const [re, im] = [new Float64Array(size), new Float64Array(size)];
        const plane = (n * g.inChannels + grp * gc + c) * hp * wp;
        for (let i = 0; i < hp; i++) for (let j = 0; j < wp; j++) re[(i % nh) * nw + (j % nw)]! += r(padded.data[plane + i * wp + j]!);
        fft2d(re, im, nh, nw, -1, r);
        return { re, im };
      });
      for (let oo = 0; oo < go; oo++) {
        const o = grp * go + oo;
        const [yr, yi] = [new Float64Array(size), new Float64Array(size)];
        for (let c = 0; c < gc; c++) {
          const { re: xr, im: xi } = X[c]!;
          const { re: kr, im: ki } = K[o * gc + c]!;
          for (let t = 0; t < size; t++) {
            // x · conj(k)
            yr[t] = r(yr[t]! + r(r(xr[t]! * kr[t]!) + r(xi[t]! * ki[t]!)));
            yi[t] = r(yi[t]! + r(r(xi[t]! * kr[t]!) - r(xr[t]! * ki[t]!)));
          }
        }
        fft2d(yr, yi, nh, nw, 1, r);
        for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
          const v = r(yr[((i * sh) % nh) * nw + ((j * sw) % nw)]! / size);
          out[((n * g.outChannels + o) * g.h.out + i) * g.w.out + j] = bias ? r(v + r(bias.data[o]!)) : v;
        }
      }
    }
    return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
  };
}

export function fftAdapter(name: string, precision: 'float64' | 'float32', declared: OperatorNumerics, shrink = false): Adapter {
  const conv2d = fftConv2d(precision, shrink);
  return {
    name,
    dtype: precision,
    numerics: { conv2d: declared, corr2d: declared },
    conv2d,
    corr2d: (x, k) => {
      const y = conv2d({ shape: [1, 1, ...x.shape], data: x.data }, { shape: [1, 1, ...k.shape], data: k.data }, null, {});
      return { shape: y.shape.slice(2), data: y.data };
    },
  };
}
