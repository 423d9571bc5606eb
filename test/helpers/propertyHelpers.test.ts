/**
 * The property helpers' own tests (STYLE habit 7): every generated valid case is accepted by the reference,
 * every generated invalid case is rejected, values are float32-exact, and the transforms are what their
 * names say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeOperator } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/index.js';
import { conv2dCall, conv2dCaseArb } from '../../properties/arbitraries/conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from '../../properties/arbitraries/convTranspose2dCase.js';
import { OPERATORS } from '../../src/operators/index.js';
import { pad2dCall, pad2dCaseArb } from '../../properties/arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb } from '../../properties/arbitraries/poolCase.js';
import { float32Value } from '../../properties/arbitraries/values.js';
import { expectClose } from '../../properties/assertions/expectClose.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';
import { swapLastAxes } from '../../properties/transforms/layoutTransforms.js';
import { circularShift, dilateKernel } from '../../properties/transforms/windowTransforms.js';

const runs = { numRuns: 200, seed: 7 };

describe('arbitraries', () => {
  const valid = [
    ['conv2d', conv2dCaseArb().map(conv2dCall)],
    ['convTranspose2d', convTranspose2dCaseArb().map(convTranspose2dCall)],
    ['pad2d', pad2dCaseArb().map(pad2dCall)],
    ['maxPool2d', maxPool2dCaseArb().map(maxPool2dCall)],
    ['avgPool2d', avgPool2dCaseArb().map(avgPool2dCall)],
    // Every registered operator's own cases and its backward's cases.
    ...OPERATORS.flatMap((r) => [[`${r.name} (record)`, r.cases()] as const, ...(r.backward ? [[`${r.backward.method} (record)`, r.backward.cases()] as const] : [])]),
  ] as const;
  for (const [op, arb] of valid) {
    it(`every generated ${op} case is valid: the reference answers it`, async () => {
      await fc.assert(fc.asyncProperty(arb, async (call) => { await invokeOperator(reference, call); }), runs);
    });
  }

  for (const record of OPERATORS) {
    if (record.invalidCases === undefined) continue;
    it(`every generated invalid ${record.name} case is rejected by the reference with the clause it is labelled with`, async () => {
      await fc.assert(fc.asyncProperty(record.invalidCases!(), async ({ call, breaks }) => {
        expect(call.op).toBe(record.name);
        await expect(invokeOperator(reference, call)).rejects.toMatchObject({ clause: breaks });
      }), runs);
    });
  }

  it('values are exactly representable in float32 (num.float32-inputs)', () => {
    fc.assert(fc.property(float32Value, (v) => Math.fround(v) === v), { numRuns: 2000, seed: 1 });
  });
});

describe('assertions', () => {
  const t = (data: number[]) => ({ shape: [data.length], data: Float64Array.from(data) });
  const where = { what: 'x', call: 'op()', clause: 'num.tolerance' };
  it('expectClose passes within the bound, NaN matches NaN only, and fails with the message format', () => {
    expect(() => expectClose(t([1, NaN, Infinity]), t([1 + 1e-9, NaN, Infinity]), 1e-8, where)).not.toThrow();
    expect(() => expectClose(t([0]), t([NaN]), 1, where)).toThrow(PropertyFailure);
    expect(() => expectClose(t([1, 2]), t([1, 2.5]), 0.1, where)).toThrow('x[1]=2, but should be 2.5 ± 0.100 [op()] §num.tolerance');
    expect(() => expectClose(t([1]), t([1, 2]), 0, where)).toThrow('x.shape=[1], but should be [2]');
  });
});

describe('transforms', () => {
  const m = { shape: [2, 3], data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
  it('swapLastAxes transposes, and twice is the identity', () => {
    expect(Array.from(swapLastAxes(m).data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(swapLastAxes(swapLastAxes(m)).data)).toEqual(Array.from(m.data));
  });
  it('circularShift moves content down/right and wraps', () => {
    expect(Array.from(circularShift(m, 0, 1).data)).toEqual([3, 1, 2, 6, 4, 5]);
    expect(Array.from(circularShift(circularShift(m, 1, 2), -1, -2).data)).toEqual(Array.from(m.data));
  });
  it('dilateKernel inserts d − 1 zeros between taps', () => {
    const k = { shape: [1, 2], data: Float64Array.from([7, 8]) };
    expect(dilateKernel(k, 1, 3)).toEqual({ shape: [1, 4], data: Float64Array.from([7, 0, 0, 8]) });
  });
});
