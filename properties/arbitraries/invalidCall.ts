/**
 * Invalid configurations, each a valid case with exactly one rule broken, labelled with the clause it breaks
 * (spec/errors.md, `err.adapter-rejects`). Shrinking keeps the broken rule and simplifies the rest.
 */
import fc from 'fast-check';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import type { InvalidCall } from '../../src/operators/operatorRecord.js';
import { conv2dCall, conv2dCaseArb } from './conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from './convTranspose2dCase.js';
import { pad2dCall, pad2dCaseArb } from './pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb } from './poolCase.js';
import { tensorArb } from './values.js';

export type { InvalidCall };

const withOptions = (call: OperatorCall, patch: Record<string, unknown>): OperatorCall => ({ ...call, options: { ...call.options, ...patch } });

const conv = conv2dCaseArb({ paddingForms: false, modes: ['zeros'] }).map(conv2dCall);
export const conv2dInvalidArb: fc.Arbitrary<InvalidCall> = fc.oneof(
  conv.map((call) => ({ call: withOptions(call, { stride: 0 }), breaks: 'conv.stride' })),
  conv.map((call) => ({ call: withOptions(call, { dilation: [1, 0] }), breaks: 'conv.dilation' })),
  conv.map((call) => ({ call: withOptions(call, { padding: -1 }), breaks: 'conv.padding.forms' })),
  conv.map((call) => ({ call: withOptions(call, { padding: 'same', stride: 2 }), breaks: 'conv.padding.same' })),
  conv.map((call) => ({ call: withOptions(call, { groups: call.inputs['input']!.shape[1]! + 1 }), breaks: 'conv.groups' })),
  conv.chain((call) => {
    const w = call.inputs['weight']!;
    return tensorArb([w.shape[0]!, w.shape[1]! + 1, w.shape[2]!, w.shape[3]!]).map((weight) => ({ call: { ...call, inputs: { ...call.inputs, weight } }, breaks: 'conv.channels' }));
  }),
  conv.map((call) => {
    const x = call.inputs['input']!;
    return { call: { ...call, inputs: { ...call.inputs, input: { shape: [x.shape[0]!, x.shape[1]!, 0, x.shape[3]!], data: [] } } }, breaks: 'tensor.shape.positive' };
  }),
  conv.chain((call) => tensorArb([call.inputs['weight']!.shape[0]! + 1]).map((bias) => ({ call: { ...call, inputs: { ...call.inputs, bias } }, breaks: 'conv.bias' }))),
  conv.map((call) => {
    const h = call.inputs['input']!.shape[2]!;
    return { call: withOptions(call, { padding: h, paddingMode: 'reflect', stride: 1 }), breaks: 'pad.reflect.limit' };
  }),
  conv.chain((call) => {
    const x = call.inputs['input']!;
    const w = call.inputs['weight']!;
    return tensorArb([w.shape[0]!, w.shape[1]!, x.shape[2]! + 1, w.shape[3]!]).map((weight) => ({ call: withOptions({ ...call, inputs: { ...call.inputs, weight } }, { padding: 0, dilation: 1 }), breaks: 'shape.positive' }));
  }),
);

const pad = pad2dCaseArb({ negative: false }).map(pad2dCall);
export const pad2dInvalidArb: fc.Arbitrary<InvalidCall> = fc.oneof(
  pad.map((call) => ({ call: withOptions(call, { mode: 'reflect', pads: { top: 0, bottom: call.inputs['input']!.shape[2]!, left: 0, right: 0 } }), breaks: 'pad.reflect.limit' })),
  pad.map((call) => ({ call: withOptions(call, { mode: 'circular', pads: { top: 0, bottom: 0, left: call.inputs['input']!.shape[3]! + 1, right: 0 } }), breaks: 'pad.circular.limit' })),
  pad.map((call) => ({ call: withOptions(call, { pads: { top: -call.inputs['input']!.shape[2]!, bottom: 0, left: 0, right: 0 } }), breaks: 'pad.negative' })),
);

export const maxPool2dInvalidArb: fc.Arbitrary<InvalidCall> = fc.oneof(
  maxPool2dCaseArb().map(maxPool2dCall).map((call) => {
    const k = call.options['kernelSize'] as [number, number];
    return { call: withOptions(call, { padding: [(k[0] >> 1) + 1, 0] }), breaks: 'pool.padding.limit' };
  }),
  maxPool2dCaseArb().map(maxPool2dCall).map((call) => {
    const x = call.inputs['input']!;
    return { call: withOptions(call, { kernelSize: [x.shape[2]! + 2, 1], stride: 1, padding: 0, dilation: 1, ceilMode: false }), breaks: 'shape.positive' };
  }),
);

export const avgPool2dInvalidArb: fc.Arbitrary<InvalidCall> = fc.oneof(
  avgPool2dCaseArb().map(avgPool2dCall).map((call) => ({ call: withOptions(call, { stride: 0 }), breaks: 'pool.stride.default' })),
  avgPool2dCaseArb().map(avgPool2dCall).map((call) => ({ call: withOptions(call, { divisorOverride: 0 }), breaks: 'pool.avg.divisor-override' })),
);

export const convTranspose2dInvalidArb: fc.Arbitrary<InvalidCall> = convTranspose2dCaseArb()
  .map(convTranspose2dCall)
  .map((call) => {
    const s = call.options['stride'] as [number, number];
    const d = call.options['dilation'] as [number, number];
    return { call: withOptions(call, { outputPadding: [Math.max(s[0], d[0]), 0] }), breaks: 'convt.output-padding' };
  });

