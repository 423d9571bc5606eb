/**
 * The scale model's building blocks (spec/shapes.md `shape.scale`): a mix of tiny and realistic cases, and the
 * sizes realistic cases are drawn from. Realistic sizes are plain integer ranges that shrink towards 1 (so a
 * bug that needs 5 channels shrinks to 5, not to 64), cross-shrunk with a list of the sizes optimised kernels
 * get wrong: vector tails 4k±1, 8k+3, 16k−1, primes such as 19 and 23 (XNNPACK's testers sweep such odd sizes;
 * oneDNN benchdnn keeps `shapes_tails`).
 */
import fc from 'fast-check';
import { SCALE_MODELS, type Scale, type ScaleModel } from '../../src/shape/scale.js';

/** Channel and extent tails: 4k±1, 8k+3, 16k−1 and primes (`shape.scale`). */
export const TAIL_SIZES: readonly number[] = [3, 5, 7, 9, 11, 13, 15, 17, 19, 23, 27, 31, 33, 35, 47, 63];

/** 1 … max, with the tail sizes ≤ max drawn explicitly a third of the time. */
export function sizeArb(max: number, min = 1): fc.Arbitrary<number> {
  const tails = TAIL_SIZES.filter((t) => t >= min && t <= max);
  const plain = fc.integer({ min, max });
  return tails.length === 0 ? plain : fc.oneof({ withCrossShrink: true }, { weight: 2, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...tails) });
}

/** Kernel extents 1 … 7 with 1, 3, 5 and 7 drawn explicitly (the separately coded paths). */
export const kernelExtentArb: fc.Arbitrary<number> = fc.oneof({ withCrossShrink: true }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }, { weight: 2, arbitrary: fc.constantFrom(1, 3, 5, 7) });

/**
 * Tiny cases, plus the scale's share of realistic ones. At 'small' only tiny cases are drawn; the realistic
 * arbitrary is built only when the scale asks for it.
 */
export function scaleMix<T>(scale: Scale, tiny: fc.Arbitrary<T>, realistic: (model: ScaleModel) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const model = SCALE_MODELS[scale];
  if (model.realisticShare === 0) return tiny;
  const realWeight = Math.round(model.realisticShare * 100);
  return fc.oneof({ weight: 100 - realWeight, arbitrary: tiny }, { weight: realWeight, arbitrary: realistic(model) });
}

/** Draws `true` with probability p: for boundary cases drawn on purpose (`shape.boundaries`). */
export function sometimes(p: number): fc.Arbitrary<boolean> {
  const w = Math.round(p * 100);
  return fc.oneof({ weight: 100 - w, arbitrary: fc.constant(false) }, { weight: w, arbitrary: fc.constant(true) });
}
