/**
 * Pooling relations: average pooling is a convolution with a uniform kernel (with count_include_pad's divisor),
 * max ≥ average, max pooling commutes with increasing maps, constant inputs, and NaN propagation.
 */
import fc from 'fast-check';
import type { AvgPool2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { copyBound, sumBound } from '../../src/check/tolerance.js';
import { declarationFor, storageShift } from '../../src/check/declaredNumerics.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb, type AvgPool2dCase, type MaxPool2dCase } from '../arbitraries/poolCase.js';
import { float32Value } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';
import { filled, mapValues } from '../transforms/elementwise.js';
import { poolFeatures } from './caseFeatures.js';

import { pairOf as pair } from '../../src/shape/pair.js';
const asPlanes = (t: TensorData): TensorData => ({ shape: [t.shape[0]! * t.shape[1]!, 1, t.shape[2]!, t.shape[3]!], data: t.data });
const plainAvg = avgPool2dCaseArb({ ceilMode: false, divisorOverride: false });

export const poolingProperties = [
  defineProperty<AvgPool2dCase>({
    id: 'avg-pool2d.is-uniform-convolution',
    operator: 'avg-pool2d',
    family: 'oracle',
    title: 'avgPool2d = conv2d with a ones kernel (zero padding) ÷ (kh·kw, or the count of input elements without count_include_pad)',
    clauses: ['pool.avg.definition', 'pool.avg.count-include-pad', 'conv.definition'],
    requires: { ops: ['avgPool2d', 'conv2d'] },
    arbitrary: () => plainAvg,
    caseFeatures: (c) => poolFeatures('avgPool2d', c.options),
    predicate: async (adapter, c) => {
      const [kh, kw] = pair(c.options.kernelSize, 1);
      const conv = (input: TensorData): OperatorCall => ({
        op: 'conv2d',
        inputs: { input: asPlanes(input), weight: filled([1, 1, kh, kw], 1), bias: null },
        options: { stride: c.options.stride ?? [kh, kw], padding: c.options.padding ?? 0 },
      });
      const sums = await callOp(adapter, conv(c.input));
      const counts = c.options.countIncludePad === false ? await callOp(adapter, conv(filled(c.input.shape, 1))) : null;
      const viaConv = mapValues(sums, (s, i) => s / (counts ? counts.data[i]! : kh * kw));
      const call = avgPool2dCall(c);
      const { expected, bound } = await referenceWithBound(call, adapter);
      const pooled = await callOp(adapter, call, expected.shape);
      expectClose(pooled, { shape: expected.shape, data: viaConv.data }, (i) => 2 * bound(i), { what: 'avgPool2d vs conv2d(ones)/divisor', call: describeCall(call), clause: 'pool.avg.count-include-pad' });
    },
  }),
  defineProperty<MaxPool2dCase>({
    id: 'max-pool2d.at-least-average',
    operator: 'max-pool2d',
    family: 'invariants',
    title: 'maxPool2d(x) ≥ avgPool2d(x, count_include_pad=false) for the same windows',
    clauses: ['pool.max.definition', 'pool.avg.count-include-pad'],
    requires: { ops: ['maxPool2d', 'avgPool2d'] },
    arbitrary: (scale) => maxPool2dCaseArb(float32Value, { dilation: false }, scale),
    caseFeatures: (c) => poolFeatures('maxPool2d', c.options),
    predicate: async (adapter, c) => {
      const maxCall = maxPool2dCall(c);
      const { dilation: _d, ...windows } = c.options;
      const avgOptions: AvgPool2dOptions = { ...windows, countIncludePad: false };
      const avgCall: OperatorCall = { op: 'avgPool2d', inputs: maxCall.inputs, options: avgOptions as unknown as Record<string, unknown> };
      const avgRef = await referenceWithBound(avgCall, adapter);
      const max = await callOp(adapter, maxCall, avgRef.expected.shape);
      const avg = await callOp(adapter, avgCall, avgRef.expected.shape);
      const bad = Array.from(max.data).findIndex((m, i) => m < avg.data[i]! - 2 * avgRef.bound(i));
      if (bad >= 0) throw new PropertyFailure(`maxPool2d[${bad}]`, String(max.data[bad]), `≥ avgPool2d = ${avg.data[bad]}`, describeCall(maxCall), 'pool.max.definition');
    },
  }),
  defineProperty<MaxPool2dCase>({
    id: 'max-pool2d.commutes-with-increasing-maps',
    operator: 'max-pool2d',
    family: 'invariants',
    title: 'maxPool2d(2·x + 1) = 2·maxPool2d(x) + 1, exactly',
    clauses: ['pool.max.definition', 'pool.max.padding', 'num.exact'],
    requires: { ops: ['maxPool2d'] },
    arbitrary: (scale) => maxPool2dCaseArb(undefined, {}, scale),
    caseFeatures: (c) => poolFeatures('maxPool2d', c.options),
    predicate: async (adapter, c) => {
      const call = maxPool2dCall(c);
      const mappedCall: OperatorCall = { ...call, inputs: { input: mapValues(c.input, (v) => 2 * v + 1) } };
      const y = await callOp(adapter, call);
      expectClose(await callOp(adapter, mappedCall, y.shape), mapValues(y, (v) => 2 * v + 1), 0, { what: 'maxPool2d(2x + 1)', call: describeCall(mappedCall), clause: 'pool.max.definition' });
    },
  }),
  defineProperty<{ c: MaxPool2dCase; value: number }>({
    id: 'pooling.constant-input',
    operator: 'pooling',
    family: 'invariants',
    title: 'a constant input pools to the constant: max exactly, average (count_include_pad=false) within rounding',
    clauses: ['pool.max.definition', 'pool.avg.count-include-pad'],
    constantAnswers: true, // a constant input pools to a constant by design (kit.health.vacuous)
    requires: { ops: ['maxPool2d', 'avgPool2d'] },
    arbitrary: () => fc.record({ c: maxPool2dCaseArb(float32Value, { dilation: false }), value: float32Value }),
    caseFeatures: ({ c }) => poolFeatures('maxPool2d', c.options),
    predicate: async (adapter, { c, value }) => {
      const input = filled(c.input.shape, value);
      const maxCall = maxPool2dCall({ ...c, input });
      const max = await callOp(adapter, maxCall);
      expectClose(max, filled(max.shape, value), copyBound(value, declarationFor(adapter, 'maxPool2d')), { what: 'maxPool2d(constant)', call: describeCall(maxCall), clause: 'pool.max.definition' });
      const { dilation: _d, ...windows } = c.options;
      const avgCall: OperatorCall = { op: 'avgPool2d', inputs: { input }, options: { ...windows, countIncludePad: false } };
      const [kh, kw] = pair(c.options.kernelSize, 1);
      const avg = await callOp(adapter, avgCall, max.shape);
      expectClose(avg, filled(max.shape, value), sumBound(kh * kw + 1, kh * kw * (Math.abs(value) + storageShift(declarationFor(adapter, 'avgPool2d'))), declarationFor(adapter, 'avgPool2d')), { what: 'avgPool2d(constant)', call: describeCall(avgCall), clause: 'pool.avg.count-include-pad' });
    },
  }),
  defineProperty<MaxPool2dCase>({
    id: 'max-pool2d.nan-and-infinity',
    operator: 'max-pool2d',
    family: 'numerics',
    title: 'maxPool2d propagates NaN (a window with a NaN answers NaN) and handles ±∞, exactly as the spec says',
    clauses: ['pool.max.nan', 'pool.max.definition', 'num.nan-propagation'],
    requires: { ops: ['maxPool2d'] },
    // Up to 4 NaN or ±∞ at relative positions, so they survive the shape's shrinking (specialsTensor.ts).
    arbitrary: (scale) => maxPool2dCaseArb({ maxSpecials: 4 }, {}, scale),
    caseFeatures: (c) => poolFeatures('maxPool2d', c.options),
    exercises: (c) => Array.from(c.input.data).some((v) => !Number.isFinite(v)), // kit.health.vacuous: lacks-feature
    predicate: async (adapter, c) => {
      const call = maxPool2dCall(c);
      const { expected } = await referenceWithBound(call, adapter);
      expectClose(await callOp(adapter, call, expected.shape), expected, 0, { what: 'maxPool2d', call: describeCall(call), clause: 'pool.max.nan' });
    },
  }),
];
