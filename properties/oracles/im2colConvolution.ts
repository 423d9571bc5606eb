/**
 * conv2d (groups 1, zero padding, any stride and dilation) as one matrix product, computed by mathjs:
 * W [O, C·kh·kw] × columns [C·kh·kw, outH·outW], where each column holds one window of the zero-padded
 * input (im2col). Independent of the reference's loops; only the shape arithmetic is shared, by design.
 */
import type { Matrix } from 'mathjs';
import type { TensorData } from '../../src/adapter/contract.js';
import type { Conv2dGeometry } from '../../src/shape/conv2dGeometry.js';

/** Async because mathjs is loaded on first use (see fftConvolution.ts). */
export async function im2colConvolution(input: TensorData, weight: TensorData, bias: TensorData | null, g: Conv2dGeometry): Promise<Float64Array> {
  const { matrix, multiply } = await import('mathjs');
  const { batch, inChannels: C, outChannels: O } = g;
  const { size: H, kernel: kh, out: outH } = g.h;
  const { size: W, kernel: kw, out: outW } = g.w;
  const rows = C * kh * kw;
  const weights = matrix(Array.from({ length: O }, (_, o) => Array.from(weight.data).slice(o * rows, (o + 1) * rows)));
  const out = new Float64Array(batch * O * outH * outW);
  for (let n = 0; n < batch; n++) {
    const columns: number[][] = Array.from({ length: rows }, () => new Array<number>(outH * outW).fill(0));
    for (let c = 0; c < C; c++) {
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) {
          const r = (c * kh + a) * kw + b;
          for (let i = 0; i < outH; i++) {
            const y = i * g.h.stride - g.pads.top + a * g.h.dilation;
            if (y < 0 || y >= H) continue;
            for (let j = 0; j < outW; j++) {
              const x = j * g.w.stride - g.pads.left + b * g.w.dilation;
              if (x >= 0 && x < W) columns[r]![i * outW + j] = input.data[((n * C + c) * H + y) * W + x]!;
            }
          }
        }
      }
    }
    const product = (multiply(weights, matrix(columns)) as Matrix).toArray() as number[][];
    product.forEach((row, o) => row.forEach((v, k) => (out[(n * O + o) * outH * outW + k] = v + (bias ? bias.data[o]! : 0))));
  }
  return out;
}

/** A 1×1 convolution is a matrix product over channels: W [O, C] × X_n [C, H·W], per batch element. */
export async function channelMatrixProduct(input: TensorData, weight: TensorData): Promise<Float64Array> {
  const { matrix, multiply } = await import('mathjs');
  const [N, C, H, W] = input.shape as [number, number, number, number];
  const O = weight.shape[0]!;
  const w = matrix(Array.from({ length: O }, (_, o) => Array.from(weight.data).slice(o * C, (o + 1) * C)));
  const out = new Float64Array(N * O * H * W);
  for (let n = 0; n < N; n++) {
    const x = matrix(Array.from({ length: C }, (_, c) => Array.from(input.data).slice((n * C + c) * H * W, (n * C + c + 1) * H * W)));
    const y = (multiply(w, x) as Matrix).toArray() as number[][];
    y.forEach((row, o) => out.set(row, (n * O + o) * H * W));
  }
  return out;
}
