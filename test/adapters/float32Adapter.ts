/**
 * A faithful float32 implementation: every product, sum and quotient rounded to float32 (Math.fround), as a
 * float32 kernel computes. It must pass the whole catalogue under the float32 tolerance — and, declared as
 * float64, it is the "loses precision" broken adapter.
 */
import type { Adapter, Conv2dOptions, ConvTranspose2dOptions, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { avgPoolDivisor, windowCols, windowRows } from '../../src/reference/avgPool2d.js';
import { padForConv } from '../../src/reference/conv2d.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { convTranspose2dGeometry } from '../../src/shape/convTranspose2dGeometry.js';
import { avgPool2dGeometry } from '../../src/shape/pool2dGeometry.js';
import { toTensor } from '../../src/tensor/tensorData.js';

const f = Math.fround;
const f32 = (t: TensorData) => Float32Array.from(t.data);

function conv2d32(input: TensorData, weight: TensorData, bias: TensorData | null, opts: Conv2dOptions = {}): TensorData {
  const g = conv2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const padded = padForConv(toTensor(input, 'conv2d', 'input'), g);
  const [, , ph, pw] = padded.shape as [number, number, number, number];
  const x = Float32Array.from(padded.data);
  const w = f32(weight);
  const out = new Float32Array(g.batch * g.outChannels * g.h.out * g.w.out);
  const gi = g.inChannels / g.groups;
  const go = g.outChannels / g.groups;
  for (let n = 0; n < g.batch; n++) for (let o = 0; o < g.outChannels; o++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
    let s = 0;
    for (let c = 0; c < gi; c++) for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
      const xv = x[((n * g.inChannels + Math.floor(o / go) * gi + c) * ph + i * g.h.stride + a * g.h.dilation) * pw + j * g.w.stride + b * g.w.dilation]!;
      s = f(s + f(xv * w[((o * gi + c) * g.h.kernel + a) * g.w.kernel + b]!));
    }
    out[((n * g.outChannels + o) * g.h.out + i) * g.w.out + j] = bias ? f(s + f(bias.data[o]!)) : s;
  }
  return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
}

function convTranspose2d32(input: TensorData, weight: TensorData, bias: TensorData | null, opts: ConvTranspose2dOptions = {}): TensorData {
  const g = convTranspose2dGeometry(input.shape, weight.shape, bias?.shape ?? null, opts);
  const x = f32(input);
  const w = f32(weight);
  const out = new Float32Array(g.batch * g.outChannels * g.h.out * g.w.out);
  const gi = g.inChannels / g.groups;
  const go = g.outChannels / g.groups;
  for (let n = 0; n < g.batch; n++) for (let c = 0; c < g.inChannels; c++) for (let o = 0; o < go; o++) for (let i = 0; i < g.h.size; i++) for (let j = 0; j < g.w.size; j++) {
    const v = x[((n * g.inChannels + c) * g.h.size + i) * g.w.size + j]!;
    for (let a = 0; a < g.h.kernel; a++) for (let b = 0; b < g.w.kernel; b++) {
      const y = i * g.h.stride - g.h.padding + a * g.h.dilation;
      const z = j * g.w.stride - g.w.padding + b * g.w.dilation;
      if (y < 0 || y >= g.h.out || z < 0 || z >= g.w.out) continue;
      const k = ((n * g.outChannels + Math.floor(c / gi) * go + o) * g.h.out + y) * g.w.out + z;
      out[k] = f(out[k]! + f(v * w[((c * go + o) * g.h.kernel + a) * g.w.kernel + b]!));
    }
  }
  if (bias) for (let k = 0; k < out.length; k++) out[k] = f(out[k]! + f(bias.data[Math.floor(k / (g.h.out * g.w.out)) % g.outChannels]!));
  return { shape: [g.batch, g.outChannels, g.h.out, g.w.out], data: out };
}

export function float32Adapter(name = 'float32', dtype: Adapter['dtype'] = 'float32'): Adapter {
  return {
    name,
    dtype,
    corr2d: (x, k) => {
      const y = conv2d32({ shape: [1, 1, ...x.shape], data: x.data }, { shape: [1, 1, ...k.shape], data: k.data }, null);
      return { shape: y.shape.slice(2), data: y.data };
    },
    conv2d: conv2d32,
    convTranspose2d: convTranspose2d32,
    pad2d: reference.pad2d!,
    maxPool2d: reference.maxPool2d!,
    avgPool2d: (input, opts) => {
      const g = avgPool2dGeometry(input.shape, opts);
      const x = f32(input);
      const out = new Float32Array(g.batch * g.channels * g.h.out * g.w.out);
      for (let p = 0; p < g.batch * g.channels; p++) for (let i = 0; i < g.h.out; i++) for (let j = 0; j < g.w.out; j++) {
        const [y0, y1] = windowRows(g, i);
        const [x0, x1] = windowCols(g, j);
        let s = 0;
        for (let y = y0; y < y1; y++) for (let z = x0; z < x1; z++) s = f(s + x[(p * g.h.size + y) * g.w.size + z]!);
        out[(p * g.h.out + i) * g.w.out + j] = f(s / avgPoolDivisor(g, i, j));
      }
      return { shape: [g.batch, g.channels, g.h.out, g.w.out], data: out };
    },
  };
}
