/**
 * IEEE semantics carry through convolution (`num.nan-propagation`): a NaN or ±∞ in a window poisons every
 * output that reads it, even through a zero weight — so an implementation that skips zero taps, or clamps
 * non-finite values, fails. And a float32 adapter stays within the float32 bound of `num.tolerance`.
 */
import fc from 'fast-check';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { float32Value, tensorArb, withSpecials } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { conv2dFeatures } from './caseFeatures.js';


export const numericsProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.nan-propagation',
    operator: 'conv2d',
    family: 'numerics',
    title: 'NaN and ±∞ reach every output whose window reads them, zero weights and zero padding (∞·0 = NaN) included',
    clauses: ['num.nan-propagation', 'num.nan-propagation.padding', 'conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale).chain((c) =>
      fc.record({
        input: tensorArb(c.input.shape, withSpecials(8)),
        weight: tensorArb(c.weight.shape, fc.oneof({ withCrossShrink: true }, { weight: 8, arbitrary: float32Value }, { weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) })),
      }).map((t) => ({ ...c, ...t })),
    ),
    caseFeatures: conv2dFeatures,
    exercises: (c) => [c.input, c.weight].some((t) => Array.from(t.data).some((v) => !Number.isFinite(v))), // kit.health.vacuous: lacks-feature
    predicate: async (adapter, c) => {
      const call = conv2dCall(c);
      const { expected, bound } = await referenceWithBound(call, adapter.dtype);
      expectClose(await callOp(adapter, call, expected.shape), expected, (i) => (Number.isFinite(bound(i)) ? bound(i) : 0), { what: 'conv2d', call: describeCall(call), clause: 'num.nan-propagation' });
    },
  }),
];
