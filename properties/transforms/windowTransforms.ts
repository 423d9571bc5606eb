/** Spatial rearrangements on the last two axes: crop, subsample, circular shift, kernel dilation. */
import type { TensorData } from '../../src/adapter/contract.js';
import type { Tensor } from '../../src/tensor/tensor.js';

function spatialMap(t: TensorData, outH: number, outW: number, source: (i: number, j: number) => [number, number] | null): Tensor {
  const h = t.shape[t.shape.length - 2]!;
  const w = t.shape[t.shape.length - 1]!;
  const planes = t.data.length / (h * w);
  const out = new Float64Array(planes * outH * outW);
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const s = source(i, j);
        out[(p * outH + i) * outW + j] = s === null ? 0 : t.data[(p * h + s[0]) * w + s[1]]!;
      }
    }
  }
  return { shape: [...t.shape.slice(0, -2), outH, outW], data: out };
}

/** Rows [top, top + height), columns [left, left + width). */
export function crop(t: TensorData, top: number, left: number, height: number, width: number): Tensor {
  return spatialMap(t, height, width, (i, j) => [top + i, left + j]);
}

/** Every s-th row and column starting at 0, keeping `height` × `width` of them. */
export function subsample(t: TensorData, strideH: number, strideW: number, height: number, width: number): Tensor {
  return spatialMap(t, height, width, (i, j) => [i * strideH, j * strideW]);
}

/** out[i, j] = t[(i − dy) mod h, (j − dx) mod w]: content moves down by dy and right by dx. */
export function circularShift(t: TensorData, dy: number, dx: number): Tensor {
  const h = t.shape[t.shape.length - 2]!;
  const w = t.shape[t.shape.length - 1]!;
  return spatialMap(t, h, w, (i, j) => [(((i - dy) % h) + h) % h, (((j - dx) % w) + w) % w]);
}

/** A kernel with d − 1 zeros inserted between taps: the undilated kernel that dilation d is equivalent to. */
export function dilateKernel(t: TensorData, dh: number, dw: number): Tensor {
  const kh = t.shape[t.shape.length - 2]!;
  const kw = t.shape[t.shape.length - 1]!;
  return spatialMap(t, dh * (kh - 1) + 1, dw * (kw - 1) + 1, (i, j) => (i % dh === 0 && j % dw === 0 ? [i / dh, j / dw] : null));
}
