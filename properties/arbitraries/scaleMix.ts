/**
 * The scale model's building blocks (spec/shapes.md `shape.scale`): a mix of tiny and realistic cases, and the
 * sizes realistic cases are drawn from. Realistic sizes are integer ranges that shrink towards 1 as plain
 * integers (so a bug that needs 5 channels shrinks to 5, not to 64; favouredInteger.ts), drawing now and then
 * from a list of the sizes optimised kernels get wrong: vector tails 4k±1, 8k+3, 16k−1, primes such as 19 and 23 (XNNPACK's testers sweep such odd sizes;
 * oneDNN benchdnn keeps `shapes_tails`). Channel pairs chosen from vector widths (XNNPACK's and benchdnn's idea):
 * input channels packed as vec3 (multiples of 3, not of 4) with round output counts (multiples of 4, 8, 16).
 */
import fc from 'fast-check';
import { SCALE_MODELS, type Scale, type ScaleModel } from '../../src/shape/scale.js';
import { favouredInteger } from './favouredInteger.js';

/** Channel and extent tails: 4k±1, 8k+3, 16k−1 and primes (`shape.scale`). */
export const TAIL_SIZES: readonly number[] = [3, 5, 7, 9, 11, 13, 15, 17, 19, 23, 27, 31, 33, 35, 47, 63];

/** min … max, with the tail sizes in range drawn explicitly a third of the time; shrinks as a plain integer. */
export function sizeArb(max: number, min = 1): fc.Arbitrary<number> {
  return favouredInteger({ min, max, favoured: TAIL_SIZES, share: 1 / 3 });
}

/**
 * Input channels a kernel that vectorises the channel axis packs in threes: multiples of 3 that are not multiples
 * of 4 (`shape.scale`). ORT WebGPU's Conv2dMM does so when the output channels are a multiple of 4, and its
 * index arithmetic for that packing was wrong (spec/numerics.md `num.calibration.declarations`). 3 itself is one
 * pack, the `<4` class.
 */
export const VEC3_CHANNELS: readonly number[] = [6, 9, 15, 18, 21, 27, 33, 45, 63];

/** Output channel counts of real layers: multiples of 4, 8 and 16, which take the vec4 output paths (`shape.scale`). */
export const ROUND_CHANNELS: readonly number[] = [4, 8, 16, 32, 64];

/** 1 … max, a vec3-packed count nine times in ten; shrinks as a plain integer (to 6 from any failing vec3 count). */
export function vec3ChannelsArb(max: number): fc.Arbitrary<number> {
  return favouredInteger({ min: 1, max, favoured: VEC3_CHANNELS, share: 0.9 });
}

/** 1 … max, a round count nine times in ten; shrinks as a plain integer (to 4 from any failing multiple of 4). */
export function roundChannelsArb(max: number): fc.Arbitrary<number> {
  return favouredInteger({ min: 1, max, favoured: ROUND_CHANNELS, share: 0.9 });
}

/** Kernel extents 1 … 7 with 1, 3, 5 and 7 drawn explicitly two thirds of the time (the separately coded paths). */
export const kernelExtentArb: fc.Arbitrary<number> = favouredInteger({ min: 1, max: 7, favoured: [1, 3, 5, 7], share: 2 / 3 });

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
