/**
 * IEEE semantics carry through convolution (`num.nan-propagation`): a NaN or ±∞ in a window poisons every
 * output that reads it, even through a zero weight — so an implementation that skips zero taps, or clamps
 * non-finite values, fails. And a float32 adapter stays within the float32 bound of `num.tolerance`; long sums of
 * positive terms hold an adapter to the accumulation format it declares (`num.bound.long-sums`).
 */
import fc from 'fast-check';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { float32Value, tensorArb, withSpecials } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { conv2dFeatures } from './caseFeatures.js';

/** A long sum: one output of n = channels·k·k products, values from two seeds (so a case shrinks over four numbers). */
export interface LongSumCase {
  readonly channels: number;
  readonly k: number;
  readonly seedX: number;
  readonly seedW: number;
}

/** Multiples of 2⁻¹⁰ in [1/2, 1] from a seed (a linear congruential walk): positive, exact in float16 and TF32. */
function positiveValues(count: number, seed: number): Float64Array {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (512 + (s >>> 22) / 2) / 1024;
  }
  return out;
}

export function longSumCall(c: LongSumCase): OperatorCall {
  const shape = [1, c.channels, c.k, c.k];
  const size = c.channels * c.k * c.k;
  return conv2dCall({ input: { shape, data: positiveValues(size, c.seedX) }, weight: { shape, data: positiveValues(size, c.seedW ^ 0x5bd1e995) }, bias: null, options: {} });
}

export const numericsProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.nan-propagation',
    operator: 'conv2d',
    family: 'numerics',
    title: 'NaN and ±∞ reach every output whose window reads them, zero weights and zero padding (∞·0 = NaN) included',
    clauses: ['num.nan-propagation', 'num.nan-propagation.padding', 'num.nan-locality', 'conv.definition'],
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
      const { expected, bound, blockNonFinite } = await referenceWithBound(call, adapter);
      // A transform algorithm is held to `num.nan-locality` instead: a non-finite input may spoil its whole block.
      const clause = blockNonFinite === undefined ? 'num.nan-propagation' : 'num.nan-locality';
      expectClose(await callOp(adapter, call, expected.shape), expected, (i) => (Number.isFinite(bound(i)) ? bound(i) : 0), { what: 'conv2d', call: describeCall(call), clause }, blockNonFinite);
    },
  }),
  defineProperty<LongSumCase>({
    id: 'conv2d.long-sums',
    operator: 'conv2d',
    family: 'numerics',
    title: 'a sum of 256 to 4096 positive products stays within the bound of the declared accumulation format',
    clauses: ['num.bound.long-sums', 'num.bound.storage', 'num.declaration', 'num.precision', 'num.tolerance', 'num.fingerprint', 'conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => fc.record({ channels: fc.integer({ min: 16, max: 256 }), k: fc.integer({ min: 1, max: 4 }), seedX: fc.nat(), seedW: fc.nat() }).filter((c) => c.channels * c.k * c.k >= 256),
    maxRuns: 20,
    predicate: async (adapter, c) => {
      const call = longSumCall(c);
      const { expected, bound } = await referenceWithBound(call, adapter);
      expectClose(await callOp(adapter, call, expected.shape), expected, bound, { what: 'conv2d', call: describeCall(call), clause: 'num.bound.long-sums' });
    },
  }),
];
