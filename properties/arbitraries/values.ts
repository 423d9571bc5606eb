/**
 * Tensor values exactly representable in float32 (spec/numerics.md, `num.float32-inputs`), so float32 and
 * float64 adapters see identical inputs: integers of up to 21 bits scaled by 2⁻¹⁸, in (−4, 4). They have full
 * mantissas (precision loss shows) yet shrink towards 0 and small values for readable counterexamples.
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';

const SCALE = 2 ** 18;

export const float32Value: fc.Arbitrary<number> = fc.oneof(
  // Cross-shrinking tries the small integers first, so a counterexample shows 1 and −2 rather than 2⁻¹⁸.
  { withCrossShrink: true },
  { weight: 1, arbitrary: fc.integer({ min: -4, max: 4 }) },
  { weight: 4, arbitrary: fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((k) => k / SCALE, (v) => Math.round((v as number) * SCALE)) },
);

/**
 * float32Value with NaN and ±∞ now and then (one draw in `1 + weight`). The specials cross-shrink towards
 * ordinary values, so a non-finite value the failure does not need shrinks away and a counterexample keeps one
 * NaN where one suffices.
 */
export function withSpecials(weight: number): fc.Arbitrary<number> {
  return fc.oneof({ withCrossShrink: true }, { weight, arbitrary: float32Value }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) });
}

export function tensorArb(shape: readonly number[], values: fc.Arbitrary<number> = float32Value): fc.Arbitrary<TensorData> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc.array(values, { minLength: size, maxLength: size }).map((data) => ({ shape: [...shape], data }));
}

/** A non-negative integer and a positive one, bounded: the building blocks of configurations. */
export const upTo = (max: number) => fc.integer({ min: 0, max });
export const oneTo = (max: number) => fc.integer({ min: 1, max });
