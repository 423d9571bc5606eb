/**
 * An integer in [min, max] that draws some listed values more often than the rest, and shrinks like a plain
 * integer from whatever it drew (`shape.scale`: "shrinking still reaches the smallest failing configuration").
 *
 * Why not `fc.oneof(fc.integer(…), fc.constantFrom(…favoured))`: `constantFrom` shrinks only to its first
 * constant, and oneof's cross-shrink replaces the value with a fresh random draw of the first branch. A case
 * drawn with 35 channels whose bug needs 5 then tries 3 and some random n, both pass, and shrinking stops at
 * 35. Here a favoured draw is an ordinary integer afterwards.
 *
 * The shrink order suits the size bugs kernels have, which are rarely monotone (a channel tail fails at 5, 6, 7
 * and 9 but not at 8): fast-check's integer shrinker bisects between the last passing and the failing value,
 * so from 9, with 8 passing, it never tries 5. Each step here restarts the bisection from `min` (9 tries 1, 5,
 * 7, 8), then tries the smallest values one by one ({@link LINEAR_TAIL} of them), so the result is the
 * smallest failing size whenever one below it is within reach of either.
 */
import fc from 'fast-check';

export interface FavouredIntegerConstraints {
  readonly min: number;
  readonly max: number;
  /** Values drawn on purpose; those outside [min, max] are dropped. */
  readonly favoured: readonly number[];
  /** The share of draws taken from `favoured` (0 … 1). */
  readonly share: number;
}

class FavouredInteger extends fc.Arbitrary<number> {
  private readonly plain: fc.Arbitrary<number>;

  constructor(private readonly c: FavouredIntegerConstraints, private readonly favoured: readonly number[]) {
    super();
    this.plain = fc.integer({ min: c.min, max: c.max });
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number> {
    if (this.favoured.length > 0 && mrng.nextDouble() < this.c.share) {
      // No context: the plain integer shrinks a context-free value towards min like any other.
      return new fc.Value(this.favoured[mrng.nextInt(0, this.favoured.length - 1)]!, undefined);
    }
    return this.plain.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is number {
    return this.plain.canShrinkWithoutContext(value);
  }

  shrink(value: number): fc.Stream<fc.Value<number>> {
    return fc.stream(shrinkCandidates(this.plain, this.c.min, value));
  }
}

/** How many of the smallest values below a failing one are tried one by one after the bisection. */
export const LINEAR_TAIL = 8;

function* shrinkCandidates(plain: fc.Arbitrary<number>, min: number, value: number): IterableIterator<fc.Value<number>> {
  const tried = new Set<number>();
  // Context-free: the bisection from min, not from the last value that passed.
  for (const v of plain.shrink(value, undefined)) {
    tried.add(v.value);
    yield new fc.Value(v.value, undefined);
  }
  for (let v = min; v < Math.min(value, min + LINEAR_TAIL); v++) if (!tried.has(v)) yield new fc.Value(v, undefined);
}

export function favouredInteger(c: FavouredIntegerConstraints): fc.Arbitrary<number> {
  if (!Number.isInteger(c.min) || !Number.isInteger(c.max) || c.min > c.max) {
    throw new RangeError(`favouredInteger: min=${c.min}, max=${c.max}, but should be integers with min ≤ max`);
  }
  if (!(c.share >= 0 && c.share <= 1)) throw new RangeError(`favouredInteger: share=${c.share}, but should be within [0, 1]`);
  return new FavouredInteger(c, c.favoured.filter((v) => Number.isInteger(v) && v >= c.min && v <= c.max));
}
