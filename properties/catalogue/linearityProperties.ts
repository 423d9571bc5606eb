/**
 * conv2d is linear in its input and in its weight, and a bias adds one constant per output channel
 * (`conv.definition`, `conv.bias`). Scalars are ±1/2, ±1, ±2 so α·x + β·y stays exact in float32.
 */
import fc from 'fast-check';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { tensorArb } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { axpby, mapValues } from '../transforms/elementwise.js';
import { conv2dFeatures } from './caseFeatures.js';

const scalar = fc.constantFrom(-2, -1, -0.5, 0.5, 1, 2);

interface LinearCase {
  readonly c: Conv2dCase;
  readonly other: TensorData;
  readonly alpha: number;
  readonly beta: number;
}

const linearCaseArb = (of: 'input' | 'weight') =>
  conv2dCaseArb().chain((c) => fc.record({ c: fc.constant({ ...c, bias: null }), other: tensorArb(c[of].shape), alpha: scalar, beta: scalar }));

async function expectLinear(adapter: Adapter, { c, other, alpha, beta }: LinearCase, of: 'input' | 'weight'): Promise<void> {
  const first = conv2dCall(c);
  const second: OperatorCall = { ...first, inputs: { ...first.inputs, [of]: other } };
  const mixed: OperatorCall = { ...first, inputs: { ...first.inputs, [of]: axpby(alpha, c[of], beta, other) } };
  const a = await referenceWithBound(first, adapter);
  const b = await referenceWithBound(second, adapter);
  const y1 = await callOp(adapter, first, a.expected.shape);
  const y2 = await callOp(adapter, second, a.expected.shape);
  const ymix = await callOp(adapter, mixed, a.expected.shape);
  // Both sides round: bound the mixed call by the parts' sums, and the combination by the same again.
  const bound = (i: number) => 2 * (Math.abs(alpha) * a.bound(i) + Math.abs(beta) * b.bound(i));
  expectClose(ymix, axpby(alpha, y1, beta, y2), bound, { what: `conv2d(${of} = ${alpha}·a + ${beta}·b)`, call: describeCall(mixed), clause: 'conv.definition' });
}

export const linearityProperties = [
  defineProperty<LinearCase>({
    id: 'conv2d.linear-in-input',
    operator: 'conv2d',
    family: 'linearity',
    title: 'conv2d(α·x + β·y, w) = α·conv2d(x, w) + β·conv2d(y, w)',
    clauses: ['conv.definition', 'conv.padding.mode'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => linearCaseArb('input'),
    caseFeatures: (v) => conv2dFeatures(v.c),
    predicate: (adapter, v) => expectLinear(adapter, v, 'input'),
  }),
  defineProperty<LinearCase>({
    id: 'conv2d.linear-in-weight',
    operator: 'conv2d',
    family: 'linearity',
    title: 'conv2d(x, α·w + β·v) = α·conv2d(x, w) + β·conv2d(x, v)',
    clauses: ['conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => linearCaseArb('weight'),
    caseFeatures: (v) => conv2dFeatures(v.c),
    predicate: (adapter, v) => expectLinear(adapter, v, 'weight'),
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.bias-per-channel',
    operator: 'conv2d',
    family: 'linearity',
    title: 'conv2d(x, w, b) − conv2d(x, w, null) = b[o] at every position of output channel o',
    clauses: ['conv.bias'],
    requires: { ops: ['conv2d'], features: ['conv2d.bias'] }, // every case has a bias
    arbitrary: (scale) => conv2dCaseArb({}, scale).chain((c) => tensorArb([c.weight.shape[0]!]).map((bias) => ({ ...c, bias }))),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const withBias = conv2dCall(c);
      const without: OperatorCall = { ...withBias, inputs: { ...withBias.inputs, bias: null } };
      const { expected, bound } = await referenceWithBound(withBias, adapter);
      const yb = await callOp(adapter, withBias, expected.shape);
      const y0 = await callOp(adapter, without, expected.shape);
      const [, outC, h, w] = expected.shape as [number, number, number, number];
      const perChannel = mapValues(y0, (_v, i) => c.bias!.data[Math.floor(i / (h * w)) % outC]!);
      expectClose(axpby(1, yb, -1, y0), perChannel, (i) => 2 * bound(i), { what: 'conv2d(x, w, b) − conv2d(x, w)', call: describeCall(withBias), clause: 'conv.bias' });
    },
  }),
];
