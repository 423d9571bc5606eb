/** Moving data between layouts: swapping H and W, taking channel ranges, stacking along channels. */
import type { TensorData } from '../../src/adapter/contract.js';
import type { Tensor } from '../../src/tensor/tensor.js';

/** Transposes the last two axes (Xᵀ for a matrix, H↔W for NCHW/OIHW). */
export function swapLastAxes(t: TensorData): Tensor {
  const shape = [...t.shape];
  const h = shape[shape.length - 2]!;
  const w = shape[shape.length - 1]!;
  const out = new Float64Array(t.data.length);
  for (let base = 0; base < out.length; base += h * w) {
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out[base + j * h + i] = t.data[base + i * w + j]!;
  }
  shape[shape.length - 2] = w;
  shape[shape.length - 1] = h;
  return { shape, data: out };
}

/** Dimension 1 (channels) restricted to [from, from + count). */
export function channelSlice(t: TensorData, from: number, count: number): Tensor {
  const [n, c, ...rest] = t.shape as [number, number, ...number[]];
  const plane = rest.reduce((a, b) => a * b, 1);
  const out = new Float64Array(n * count * plane);
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < count; k++) {
      const src = (b * c + from + k) * plane;
      out.set(Array.prototype.slice.call(t.data, src, src + plane) as number[], (b * count + k) * plane);
    }
  }
  return { shape: [n, count, ...rest], data: out };
}

/** Dimension 0 restricted to [from, from + count) (e.g. a group's output channels of a weight). */
export function leadingSlice(t: TensorData, from: number, count: number): Tensor {
  const per = t.data.length / t.shape[0]!;
  return { shape: [count, ...t.shape.slice(1)], data: Float64Array.from(Array.prototype.slice.call(t.data, from * per, (from + count) * per) as number[]) };
}

/** Stacks tensors along dimension 1. */
export function concatChannels(parts: readonly TensorData[]): Tensor {
  const [n, , ...rest] = parts[0]!.shape as [number, number, ...number[]];
  const plane = rest.reduce((a, b) => a * b, 1);
  const total = parts.reduce((s, p) => s + p.shape[1]!, 0);
  const out = new Float64Array(n * total * plane);
  let offset = 0;
  for (const p of parts) {
    const c = p.shape[1]!;
    for (let b = 0; b < n; b++) {
      for (let k = 0; k < c; k++) {
        const src = (b * c + k) * plane;
        out.set(Array.prototype.slice.call(p.data, src, src + plane) as number[], (b * total + offset + k) * plane);
      }
    }
    offset += c;
  }
  return { shape: [n, total, ...rest], data: out };
}
