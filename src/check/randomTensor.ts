/**
 * Seeded random tensors for the gradient checks: uniform in [−1, 1), rounded to float32 so that a float32
 * adapter receives exactly the values the check reasons about.
 */
import type { TensorData } from '../adapter/contract.js';
import { mulberry32, type RandomSource } from '../autograd/seededRandom.js';
import { elementCount } from '../tensor/tensor.js';

export function randomTensorData(shape: readonly number[], random: RandomSource): TensorData {
  const data = new Float64Array(elementCount(shape));
  for (let i = 0; i < data.length; i++) data[i] = Math.fround(2 * random() - 1);
  return { shape: [...shape], data };
}

export function randomSource(seed: number): RandomSource {
  return mulberry32(seed);
}

/** Σ a_i·b_i in float64. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
