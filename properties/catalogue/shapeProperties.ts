/**
 * Output shapes equal the spec's formulas (spec/shapes.md), for every parameter, ceil mode included. The
 * expected shape comes from the one shape module (src/shape/callOutputShape.ts), never from the reference's run.
 */
import type fc from 'fast-check';
import type { Feature, OperatorName } from '../../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { callOutputShape } from '../../src/shape/callOutputShape.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { conv2dCall, conv2dCaseArb } from '../arbitraries/conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from '../arbitraries/convTranspose2dCase.js';
import { pad2dCall, pad2dCaseArb } from '../arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb } from '../arbitraries/poolCase.js';
import { expectShape } from '../assertions/expectClose.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { conv2dFeatures, convTranspose2dFeatures, pad2dFeatures, poolFeatures } from './caseFeatures.js';

function outputShape<T>(id: string, op: OperatorName, title: string, clauses: string[], arbitrary: fc.Arbitrary<T>, toCall: (c: T) => OperatorCall, caseFeatures: (c: T) => Feature[]): Property {
  return defineProperty<T>({
    id,
    title,
    clauses,
    requires: { ops: [op] },
    arbitrary,
    caseFeatures,
    predicate: async (adapter, c) => {
      const call = toCall(c);
      const actual = checkAdapterResult(await invokeOperator(adapter, call), call.op, null).shape;
      expectShape(actual, callOutputShape(call), { what: op, call: describeCall(call), clause: clauses[0]! });
    },
  });
}

export const shapeProperties = [
  outputShape('conv2d.output-shape', 'conv2d', 'conv2d output shape = [N, O, ⌊(H + pads − d(k−1) − 1)/s⌋ + 1, …]', ['shape.conv', 'shape.window', 'conv.padding.same.torch'], conv2dCaseArb(), conv2dCall, conv2dFeatures),
  outputShape('conv-transpose2d.output-shape', 'convTranspose2d', 'convTranspose2d output shape = (n − 1)s − 2p + d(k − 1) + outputPadding + 1', ['shape.conv-transpose', 'convt.output-padding'], convTranspose2dCaseArb(), convTranspose2dCall, convTranspose2dFeatures),
  outputShape('pad2d.output-shape', 'pad2d', 'pad2d output shape = [..., H + top + bottom, W + left + right], negative pads included', ['shape.pad', 'pad.negative'], pad2dCaseArb(), pad2dCall, pad2dFeatures),
  outputShape('max-pool2d.output-shape', 'maxPool2d', 'maxPool2d output shape, floor and ceil mode, the ceil-mode last window rule included', ['pool.ceil-mode.last-window', 'shape.pool', 'shape.window.ceil', 'pool.stride.default'], maxPool2dCaseArb(), maxPool2dCall, (c) => poolFeatures('maxPool2d', c.options)),
  outputShape('avg-pool2d.output-shape', 'avgPool2d', 'avgPool2d output shape, floor and ceil mode', ['shape.pool', 'shape.window.ceil', 'pool.ceil-mode.last-window'], avgPool2dCaseArb(), avgPool2dCall, (c) => poolFeatures('avgPool2d', c.options)),
];
