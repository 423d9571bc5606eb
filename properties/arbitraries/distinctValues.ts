/**
 * Tensors whose values are pairwise distinct (a shuffled ramp of multiples of 1/4): max pooling has no ties,
 * so its gradient is unique and finite differences never step across a kink (`grad.max-pool2d`).
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';

export function distinctTensorArb(shape: readonly number[]): fc.Arbitrary<TensorData> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc
    .shuffledSubarray(Array.from({ length: size }, (_, i) => (i - size / 2) / 4), { minLength: size, maxLength: size })
    .map((data) => ({ shape: [...shape], data }));
}
