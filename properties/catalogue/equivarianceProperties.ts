/**
 * Translation equivariance, the notes' 平移不变性 (000): exact with circular padding (shifting the input
 * circularly shifts the output), and on the interior with 'valid' padding (cropping the input's top-left
 * crops the output's).
 */
import fc from 'fast-check';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { circularShift, crop } from '../transforms/windowTransforms.js';
import { conv2dFeatures } from './caseFeatures.js';

interface ShiftCase {
  readonly c: Conv2dCase;
  readonly dy: number;
  readonly dx: number;
}

export const equivarianceProperties = [
  defineProperty<ShiftCase>({
    id: 'conv2d.circular-shift-equivariance',
    operator: 'conv2d',
    family: 'equivariance',
    title: "conv2d(shift(x)) = shift(conv2d(x)) with circular 'same' padding and stride 1",
    clauses: ['conv.padding.mode', 'pad.circular', 'conv.padding.same'],
    requires: { ops: ['conv2d'], features: ['conv2d.paddingMode.circular', 'conv2d.padding.same'] },
    arbitrary: (scale) => conv2dCaseArb({ stride: false, padding: 'same', modes: ['circular'] }, scale)
      .chain((c) => fc.record({ c: fc.constant(c), dy: fc.integer({ min: -3, max: 3 }), dx: fc.integer({ min: -3, max: 3 }) })),
    caseFeatures: (v) => conv2dFeatures(v.c),
    predicate: async (adapter, { c, dy, dx }) => {
      const call = conv2dCall(c);
      const shifted: OperatorCall = { ...call, inputs: { ...call.inputs, input: circularShift(c.input, dy, dx) } };
      const { expected, bound } = await referenceWithBound(call, adapter);
      const y = await callOp(adapter, call, expected.shape);
      const ys = await callOp(adapter, shifted, expected.shape);
      const h = expected.shape[2]!;
      const w = expected.shape[3]!;
      // Element i of shift(y) came from element ((r − dy) mod h, (q − dx) mod w) of y: take its bound.
      const boundShifted = (i: number) => {
        const plane = Math.floor(i / (h * w));
        const r = Math.floor((i % (h * w)) / w);
        const q = i % w;
        return 2 * bound(plane * h * w + (((r - dy) % h) + h) % h * w + ((((q - dx) % w) + w) % w));
      };
      expectClose(ys, circularShift(y, dy, dx), boundShifted, { what: `conv2d(shift(x, ${dy}, ${dx}))`, call: describeCall(shifted), clause: 'conv.padding.mode' });
    },
  }),
  defineProperty<ShiftCase>({
    id: 'conv2d.valid-translation-equivariance',
    operator: 'conv2d',
    family: 'equivariance',
    title: "with 'valid' padding and stride 1, conv2d(x[dy:, dx:]) = conv2d(x)[dy:, dx:]",
    clauses: ['conv.definition', 'conv.padding.valid'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({ stride: false, padding: 'valid', modes: ['zeros'] }, scale)
      .chain((c) => {
        const [, , kh, kw] = c.weight.shape as [number, number, number, number];
        const d = c.options.dilation as [number, number];
        const outH = c.input.shape[2]! - d[0] * (kh - 1);
        const outW = c.input.shape[3]! - d[1] * (kw - 1);
        return fc.record({ c: fc.constant(c), dy: fc.integer({ min: 0, max: outH - 1 }), dx: fc.integer({ min: 0, max: outW - 1 }) });
      }),
    caseFeatures: (v) => conv2dFeatures(v.c),
    predicate: async (adapter, { c, dy, dx }) => {
      const call = conv2dCall(c);
      const [, , h, w] = c.input.shape as [number, number, number, number];
      const cropped: OperatorCall = { ...call, inputs: { ...call.inputs, input: crop(c.input, dy, dx, h - dy, w - dx) } };
      const { expected, bound } = await referenceWithBound(call, adapter);
      const [, , oh, ow] = expected.shape as [number, number, number, number];
      const y = await callOp(adapter, call, expected.shape);
      const yc = await callOp(adapter, cropped, [expected.shape[0]!, expected.shape[1]!, oh - dy, ow - dx]);
      const boundCropped = (i: number) => {
        const plane = Math.floor(i / ((oh - dy) * (ow - dx)));
        const r = Math.floor((i % ((oh - dy) * (ow - dx))) / (ow - dx));
        const q = i % (ow - dx);
        return 2 * bound(plane * oh * ow + (r + dy) * ow + q + dx);
      };
      expectClose(yc, crop(y, dy, dx, oh - dy, ow - dx), boundCropped, { what: `conv2d(x[${dy}:, ${dx}:])`, call: describeCall(cropped), clause: 'conv.definition' });
    },
  }),
];
