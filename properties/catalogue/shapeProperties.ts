/** Output shapes equal the spec's formulas (spec/shapes.md), for every parameter, ceil mode included. */
import type { Adapter } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dGeometry, conv2dOutputShape } from '../../src/shape/conv2dGeometry.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../../src/shape/convTranspose2dGeometry.js';
import { pad2dGeometry, pad2dOutputShape } from '../../src/shape/pad2dGeometry.js';
import { avgPool2dGeometry, maxPool2dGeometry, pool2dOutputShape } from '../../src/shape/pool2dGeometry.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { invokeOperator } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb, type ConvTranspose2dCase } from '../arbitraries/convTranspose2dCase.js';
import { pad2dCall, pad2dCaseArb, type Pad2dCase } from '../arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb, type AvgPool2dCase, type MaxPool2dCase } from '../arbitraries/poolCase.js';
import { expectShape } from '../assertions/expectClose.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { conv2dFeatures, convTranspose2dFeatures, pad2dFeatures, poolFeatures } from './caseFeatures.js';

async function shapeOf(adapter: Adapter, call: OperatorCall): Promise<number[]> {
  return checkAdapterResult(await invokeOperator(adapter, call), call.op, null).shape;
}

export const shapeProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.output-shape',
    title: 'conv2d output shape = [N, O, ⌊(H + pads − d(k−1) − 1)/s⌋ + 1, …]',
    clauses: ['shape.conv', 'shape.window', 'conv.padding.same.torch'],
    requires: { ops: ['conv2d'] },
    arbitrary: conv2dCaseArb(),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const call = conv2dCall(c);
      const expected = conv2dOutputShape(conv2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options));
      expectShape(await shapeOf(adapter, call), expected, { what: 'conv2d', call: describeCall(call), clause: 'shape.conv' });
    },
  }),
  defineProperty<ConvTranspose2dCase>({
    id: 'conv-transpose2d.output-shape',
    title: 'convTranspose2d output shape = (n − 1)s − 2p + d(k − 1) + outputPadding + 1',
    clauses: ['shape.conv-transpose', 'convt.output-padding'],
    requires: { ops: ['convTranspose2d'] },
    arbitrary: convTranspose2dCaseArb(),
    caseFeatures: convTranspose2dFeatures,
    predicate: async (adapter, c) => {
      const call = convTranspose2dCall(c);
      const expected = convTranspose2dOutputShape(convTranspose2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options));
      expectShape(await shapeOf(adapter, call), expected, { what: 'convTranspose2d', call: describeCall(call), clause: 'shape.conv-transpose' });
    },
  }),
  defineProperty<Pad2dCase>({
    id: 'pad2d.output-shape',
    title: 'pad2d output shape = [..., H + top + bottom, W + left + right], negative pads included',
    clauses: ['shape.pad', 'pad.negative'],
    requires: { ops: ['pad2d'] },
    arbitrary: pad2dCaseArb(),
    caseFeatures: pad2dFeatures,
    predicate: async (adapter, c) => {
      const call = pad2dCall(c);
      expectShape(await shapeOf(adapter, call), pad2dOutputShape(pad2dGeometry(c.input.shape, c.pads, c.mode)), { what: 'pad2d', call: describeCall(call), clause: 'shape.pad' });
    },
  }),
  defineProperty<MaxPool2dCase>({
    id: 'max-pool2d.output-shape',
    title: 'maxPool2d output shape, floor and ceil mode, the ceil-mode last window rule included',
    clauses: ['shape.pool', 'shape.window.ceil', 'pool.ceil-mode.last-window', 'pool.stride.default'],
    requires: { ops: ['maxPool2d'] },
    arbitrary: maxPool2dCaseArb(),
    caseFeatures: (c) => poolFeatures('maxPool2d', c.options),
    predicate: async (adapter, c) => {
      const call = maxPool2dCall(c);
      expectShape(await shapeOf(adapter, call), pool2dOutputShape(maxPool2dGeometry(c.input.shape, c.options)), { what: 'maxPool2d', call: describeCall(call), clause: 'pool.ceil-mode.last-window' });
    },
  }),
  defineProperty<AvgPool2dCase>({
    id: 'avg-pool2d.output-shape',
    title: 'avgPool2d output shape, floor and ceil mode',
    clauses: ['shape.pool', 'shape.window.ceil', 'pool.ceil-mode.last-window'],
    requires: { ops: ['avgPool2d'] },
    arbitrary: avgPool2dCaseArb(),
    caseFeatures: (c) => poolFeatures('avgPool2d', c.options),
    predicate: async (adapter, c) => {
      const call = avgPool2dCall(c);
      expectShape(await shapeOf(adapter, call), pool2dOutputShape(avgPool2dGeometry(c.input.shape, c.options)), { what: 'avgPool2d', call: describeCall(call), clause: 'shape.pool' });
    },
  }),
];
