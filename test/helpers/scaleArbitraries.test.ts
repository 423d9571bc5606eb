/**
 * Meta tests of the scale model's building blocks (`shape.scale`): favouredInteger draws its favoured sizes on
 * purpose and shrinks to the smallest failing size even for a bug that is not monotone in it; specials keep
 * their place relative to each axis when a shape shrinks. Expected values are derived by hand in each test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { favouredInteger } from '../../properties/arbitraries/favouredInteger.js';
import { placeSpecials, type Special } from '../../properties/arbitraries/specialsTensor.js';

describe('favouredInteger', () => {
  const arb = favouredInteger({ min: 1, max: 64, favoured: [35, 63, 99], share: 0.5 });

  it('stays within [min, max] and draws the favoured values in range about `share` of the time', () => {
    const drawn = fc.sample(arb, { seed: 3, numRuns: 2000 });
    expect(drawn.every((v) => Number.isInteger(v) && v >= 1 && v <= 64)).toBe(true);
    expect(drawn.includes(99)).toBe(false);
    // 35 and 63 take half the draws between them (plus the plain draws that hit them, ~2/64 of the rest).
    const favoured = drawn.filter((v) => v === 35 || v === 63).length / drawn.length;
    expect(favoured).toBeGreaterThan(0.4);
    expect(favoured).toBeLessThan(0.62);
  });

  it('shrinks a non-monotone failure to its smallest size: a 4-wide channel tail (c > 4, c mod 4 ≠ 0) to 5', () => {
    // By hand: the failing sizes are 5, 6, 7, 9, 10, 11, 13, … ; the smallest is 5, and 8 passes.
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = fc.check(fc.property(arb, (c) => !(c > 4 && c % 4 !== 0)), { seed });
      expect(r.failed).toBe(true);
      expect(r.counterexample).toEqual([5]);
    }
  });

  it('shrinks a threshold failure to the threshold: sizes ≥ 2050 of 1 … 4096 to 2050', () => {
    const long = favouredInteger({ min: 1, max: 4096, favoured: [2049, 4096], share: 0.5 });
    const r = fc.check(fc.property(long, (n) => n < 2050), { seed: 9 });
    expect(r.counterexample).toEqual([2050]);
  });

  it('rejects constraints it cannot meet, naming the argument and the rule', () => {
    expect(() => favouredInteger({ min: 5, max: 2, favoured: [], share: 0.1 })).toThrow('favouredInteger: min=5, max=2, but should be integers with min ≤ max');
    expect(() => favouredInteger({ min: 1, max: 2, favoured: [], share: 2 })).toThrow('favouredInteger: share=2, but should be within [0, 1]');
  });
});

describe('placeSpecials', () => {
  const zeros = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0) });
  // Channel position 43691 / 65536 ≈ 0.6667: channel ⌊0.6667·12⌋ = 8 of 12, ⌊0.6667·4⌋ = 2 of 4; the other axes at 0.
  const nanAtTwoThirds: Special = { at: [0, 43691, 0, 0], value: NaN };

  it('writes a special at its position relative to each axis: channel 8 of 12, channel 2 of 4', () => {
    expect(Array.from(placeSpecials(zeros([1, 12, 1, 1]), [nanAtTwoThirds]).data).findIndex(Number.isNaN)).toBe(8);
    expect(Array.from(placeSpecials(zeros([1, 4, 1, 1]), [nanAtTwoThirds]).data).findIndex(Number.isNaN)).toBe(2);
  });

  it('keeps a special in the same row and column when only the channels shrink', () => {
    // Row ⌊(32768/65536)·4⌋ = 2 of 4, column ⌊(49152/65536)·4⌋ = 3 of 4: flat index (c·4 + 2)·4 + 3.
    const s: Special = { at: [0, 43691, 32768, 49152], value: -Infinity };
    expect(Array.from(placeSpecials(zeros([1, 12, 4, 4]), [s]).data).indexOf(-Infinity)).toBe((8 * 4 + 2) * 4 + 3);
    expect(Array.from(placeSpecials(zeros([1, 4, 4, 4]), [s]).data).indexOf(-Infinity)).toBe((2 * 4 + 2) * 4 + 3);
  });

  it('leaves the tensor alone for a special shrunk to none', () => {
    expect(Array.from(placeSpecials(zeros([1, 2, 1, 1]), [{ at: [0, 0, 0, 0], value: null }]).data)).toEqual([0, 0]);
  });
});
