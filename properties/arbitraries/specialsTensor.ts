/**
 * A few NaN and ±∞ placed at relative positions in a tensor (spec/numerics.md, `num.nan-propagation`), for
 * cases whose shape shrinks (`shape.scale`).
 *
 * Why not `tensorArb(shape, withSpecials(w))`: a case's tensors are drawn after its shape (a chain), and when
 * fast-check shrinks the shape it draws the tensors again from other random numbers. The NaN the failure
 * needed is gone from every smaller shape, and a bug that needs 4 channels and one NaN among them stops at
 * the 12 channels it was found with. Drawn with the shape instead, as fractions of every axis, the specials
 * survive: the NaN at channel 8 of 12 sits at channel 2 of 4, in the same row and column (a shape shrinking
 * along one axis moves it along that axis only); shrinking moves it towards the first element and drops the
 * specials the failure does not need.
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';

/** A position on an axis is k / 2¹⁶ of its extent: an integer, so it shrinks towards the axis's first index. */
const POSITION_STEPS = 2 ** 16;

export interface Special {
  /** Per axis, the position as k / 2¹⁶ of the extent. */
  readonly at: readonly number[];
  /** null: no special (what shrinking tries first). */
  readonly value: number | null;
}

/** One to `max` specials for tensors of `rank` axes. */
export function specialsArb(rank: number, max: number): fc.Arbitrary<Special[]> {
  const special = fc.record({
    at: fc.array(fc.integer({ min: 0, max: POSITION_STEPS - 1 }), { minLength: rank, maxLength: rank }),
    // NaN half the time (its propagation is where kernels differ most). A special shrinks first to none (null,
    // all but never drawn), so one the failure does not need goes wherever it sits.
    value: fc.option(fc.oneof({ weight: 2, arbitrary: fc.constant(NaN) }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) }), { nil: null, freq: 1_000_000 }),
  });
  return fc.array(special, { minLength: 1, maxLength: max });
}

/** The flat row-major index of a relative position in `shape`. */
function flatIndex(shape: readonly number[], at: readonly number[]): number {
  return shape.reduce((index, extent, axis) => index * extent + Math.floor(((at[axis] ?? 0) / POSITION_STEPS) * extent), 0);
}

/** A copy of `t` with the specials written at their positions (a later one wins a shared element). */
export function placeSpecials(t: TensorData, specials: readonly Special[]): TensorData {
  if (specials.length === 0 || t.data.length === 0) return t;
  const data = Array.from(t.data);
  for (const s of specials) if (s.value !== null) data[flatIndex(t.shape, s.at)] = s.value;
  return { shape: [...t.shape], data };
}

/** Tensor values with up to `maxSpecials` NaN or ±∞ drawn with the case's shape (see above). */
export interface SpecialsAtRelativePositions {
  readonly maxSpecials: number;
}

/** The values of a case's tensors: each element drawn alike, or float32 values with specials kept across shrinking. */
export type TensorValues = fc.Arbitrary<number> | SpecialsAtRelativePositions;
