/** Element-wise helpers the properties build their relations from. All return new tensors. */
import type { TensorData } from '../../src/adapter/contract.js';
import type { Tensor } from '../../src/tensor/tensor.js';

export function asTensor(t: TensorData): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.data) };
}

export function absTensor(t: TensorData): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.data, Math.abs) };
}

/** α·a + β·b, element by element (same shapes). */
export function axpby(alpha: number, a: TensorData, beta: number, b: TensorData): Tensor {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = alpha * a.data[i]! + beta * b.data[i]!;
  return { shape: [...a.shape], data: out };
}

export function mapValues(t: TensorData, f: (v: number, i: number) => number): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.data, f) };
}

/** ⟨a, b⟩ and Σ|aᵢ·bᵢ|, the latter for its rounding bound. */
export function dot(a: TensorData, b: TensorData): { value: number; absSum: number } {
  let value = 0;
  let absSum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const p = a.data[i]! * b.data[i]!;
    value += p;
    absSum += Math.abs(p);
  }
  return { value, absSum };
}

export function filled(shape: readonly number[], value: number): Tensor {
  const size = shape.reduce((x, y) => x * y, 1);
  return { shape: [...shape], data: new Float64Array(size).fill(value) };
}
