/**
 * conv2d (groups 1, zero padding, any stride and dilation) as one matrix product, computed by ml-matrix:
 * W [O, C·kh·kw] × columns [C·kh·kw, outH·outW], where each column holds one window of the zero-padded
 * input (im2col). Independent of the reference's loops; only the shape arithmetic is shared, by design.
 */
import { Matrix } from 'ml-matrix';
import type { TensorData } from '../../src/adapter/contract.js';
import type { Conv2dGeometry } from '../../src/shape/conv2dGeometry.js';

/** Rows `from … from + count − 1` of a row-major array, each `length` long, as a matrix. */
const rowsOf = (data: ArrayLike<number>, from: number, count: number, length: number): Matrix =>
  new Matrix(Array.from({ length: count }, (_, r) => Array.from({ length }, (_, k) => data[(from + r) * length + k]!)));

export function im2colConvolution(input: TensorData, weight: TensorData, bias: TensorData | null, g: Conv2dGeometry): Float64Array {
  const { batch, inChannels: C, outChannels: O } = g;
  const { size: H, kernel: kh, out: outH } = g.h;
  const { size: W, kernel: kw, out: outW } = g.w;
  const rows = C * kh * kw;
  const weights = rowsOf(weight.data, 0, O, rows);
  const out = new Float64Array(batch * O * outH * outW);
  for (let n = 0; n < batch; n++) {
    const columns = Matrix.zeros(rows, outH * outW);
    for (let c = 0; c < C; c++) {
      for (let a = 0; a < kh; a++) {
        for (let b = 0; b < kw; b++) {
          const r = (c * kh + a) * kw + b;
          for (let i = 0; i < outH; i++) {
            const y = i * g.h.stride - g.pads.top + a * g.h.dilation;
            if (y < 0 || y >= H) continue;
            for (let j = 0; j < outW; j++) {
              const x = j * g.w.stride - g.pads.left + b * g.w.dilation;
              if (x >= 0 && x < W) columns.set(r, i * outW + j, input.data[((n * C + c) * H + y) * W + x]!);
            }
          }
        }
      }
    }
    const product = weights.mmul(columns);
    for (let o = 0; o < O; o++) {
      for (let k = 0; k < outH * outW; k++) out[(n * O + o) * outH * outW + k] = product.get(o, k) + (bias ? bias.data[o]! : 0);
    }
  }
  return out;
}

/** A 1×1 convolution is a matrix product over channels: W [O, C] × X_n [C, H·W], per batch element. */
export function channelMatrixProduct(input: TensorData, weight: TensorData): Float64Array {
  const [N, C, H, W] = input.shape as [number, number, number, number];
  const O = weight.shape[0]!;
  const w = rowsOf(weight.data, 0, O, C);
  const out = new Float64Array(N * O * H * W);
  for (let n = 0; n < N; n++) {
    const y = w.mmul(rowsOf(input.data, n * C, C, H * W));
    for (let o = 0; o < O; o++) out.set(y.getRow(o), (n * O + o) * H * W);
  }
  return out;
}
