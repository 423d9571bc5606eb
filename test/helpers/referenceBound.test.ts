/**
 * The one-pass reference (each record's referenceWithAbsSum) against the two-pass computation it replaced:
 * the reference on the call, and the reference on the call with every input replaced by |input| for Σ|x·w|.
 * Both must agree value for value (same sums in the same order; |x|·|w| = |x·w| exactly), and the bound
 * referenceWithBound builds must be sumBound of the two-pass sums.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/operators/index.js';
import { absoluteCall } from '../../src/operators/callTensors.js';
import { sumBound } from '../../src/check/tolerance.js';
import { referenceWithBound } from '../../properties/assertions/referenceBound.js';

const sameValues = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('referenceWithAbsSum equals the two-pass reference', () => {
  for (const record of OPERATORS) {
    it(`${record.id}: result and Σ|x·w| on random cases`, () => {
      let summed = 0;
      fc.assert(
        fc.property(record.cases(), (call) => {
          const { result, absSum } = record.referenceWithAbsSum(call);
          const plain = record.reference(call);
          expect(result.shape).toEqual(plain.shape);
          expect(sameValues(result.data, plain.data)).toBe(true);
          if (record.terms(call) === 0) return;
          summed++;
          const twoPass = record.reference(absoluteCall(call));
          expect(absSum).not.toBeNull();
          expect(absSum!.shape).toEqual(twoPass.shape);
          expect(sameValues(absSum!.data, twoPass.data)).toBe(true);
        }),
        { seed: 20261207, numRuns: 60 },
      );
      // Operators that sum must have had cases that sum (or this test checked nothing for them).
      if (record.id.includes('max') || record.id === 'pad2d') expect(summed).toBe(0);
      else expect(summed).toBeGreaterThan(0);
    });
  }

  it('referenceWithBound: the bound is sumBound of the two-pass absolute sums, for float32 and float64', async () => {
    for (const record of OPERATORS) {
      const calls = fc.sample(record.cases(), { seed: 7, numRuns: 10 });
      for (const call of calls) {
        const terms = record.terms(call);
        const twoPass = record.reference(absoluteCall(call));
        for (const dtype of ['float32', 'float64'] as const) {
          const { expected, bound } = await referenceWithBound(call, dtype);
          expect(sameValues(expected.data, record.reference(call).data)).toBe(true);
          for (let i = 0; i < expected.data.length; i++) {
            expect(bound(i)).toBe(terms === 0 ? 0 : sumBound(terms, twoPass.data[i]!, dtype));
          }
        }
      }
    }
  });
});
