/**
 * The NCHW analogue of corr2d(Xᵀ, Kᵀ) = corr2d(X, K)ᵀ: swapping H and W of the input and weight, and of every
 * option (stride, dilation, padding sides, kernel size), swaps H and W of the output. It catches an
 * implementation that mixes up the two axes of any option — note 004's padding bug among them.
 */
import type { Adapter } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { pad2dCall, pad2dCaseArb, type Pad2dCase } from '../arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb, type AvgPool2dCase, type MaxPool2dCase } from '../arbitraries/poolCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { swapLastAxes } from '../transforms/layoutTransforms.js';
import { swapConv2dOptions, swapPads, swapPoolOptions } from '../transforms/swapOptions.js';
import { conv2dFeatures, pad2dFeatures, poolFeatures } from './caseFeatures.js';

/** Runs call and its transposed twin; the twin's output, transposed back, must match within both bounds. */
async function expectTransposes(adapter: Adapter, call: OperatorCall, twin: OperatorCall, clause: string): Promise<void> {
  const { expected, bound } = await referenceWithBound(call, adapter);
  const direct = await callOp(adapter, call, expected.shape);
  const swappedShape = [...expected.shape.slice(0, -2), expected.shape[expected.shape.length - 1]!, expected.shape[expected.shape.length - 2]!];
  const viaTwin = swapLastAxes(await callOp(adapter, twin, swappedShape));
  expectClose(viaTwin, direct, (i) => 2 * bound(i), { what: `${call.op} with H and W swapped, swapped back`, call: describeCall(twin), clause });
}

const swapInputs = (inputs: OperatorCall['inputs']) =>
  Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, t === null || t.shape.length < 2 || k === 'bias' ? t : swapLastAxes(t)]));

export const transpositionProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.transposition',
    operator: 'conv2d',
    family: 'transposition',
    title: 'conv2d(xᵀ, wᵀ, options with H↔W) = conv2d(x, w, options)ᵀ',
    clauses: ['conv.definition', 'conv.padding.forms', 'conv.stride', 'conv.dilation', 'tensor.layout.nchw'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const call = conv2dCall(c);
      await expectTransposes(adapter, call, { op: 'conv2d', inputs: swapInputs(call.inputs), options: swapConv2dOptions(c.options) as Record<string, unknown> }, 'conv.padding.forms');
    },
  }),
  defineProperty<Pad2dCase>({
    id: 'pad2d.transposition',
    operator: 'pad2d',
    family: 'transposition',
    title: 'pad2d(xᵀ, pads with top↔left, bottom↔right) = pad2d(x, pads)ᵀ',
    clauses: ['pad.shape', 'pad.mode'],
    requires: { ops: ['pad2d'] },
    arbitrary: () => pad2dCaseArb(),
    caseFeatures: pad2dFeatures,
    predicate: async (adapter, c) => {
      const call = pad2dCall(c);
      await expectTransposes(adapter, call, { op: 'pad2d', inputs: swapInputs(call.inputs), options: { ...call.options, pads: swapPads(c.pads) } }, 'pad.shape');
    },
  }),
  defineProperty<MaxPool2dCase>({
    id: 'max-pool2d.transposition',
    operator: 'max-pool2d',
    family: 'transposition',
    title: 'maxPool2d(xᵀ, options with H↔W) = maxPool2d(x, options)ᵀ',
    clauses: ['pool.max.definition', 'pool.kernel'],
    requires: { ops: ['maxPool2d'] },
    arbitrary: (scale) => maxPool2dCaseArb(undefined, {}, scale),
    caseFeatures: (c) => poolFeatures('maxPool2d', c.options),
    predicate: async (adapter, c) => {
      const call = maxPool2dCall(c);
      await expectTransposes(adapter, call, { op: 'maxPool2d', inputs: swapInputs(call.inputs), options: swapPoolOptions(c.options) as unknown as Record<string, unknown> }, 'pool.kernel');
    },
  }),
  defineProperty<AvgPool2dCase>({
    id: 'avg-pool2d.transposition',
    operator: 'avg-pool2d',
    family: 'transposition',
    title: 'avgPool2d(xᵀ, options with H↔W) = avgPool2d(x, options)ᵀ',
    clauses: ['pool.avg.definition', 'pool.kernel'],
    requires: { ops: ['avgPool2d'] },
    arbitrary: (scale) => avgPool2dCaseArb({}, scale),
    caseFeatures: (c) => poolFeatures('avgPool2d', c.options),
    predicate: async (adapter, c) => {
      const call = avgPool2dCall(c);
      await expectTransposes(adapter, call, { op: 'avgPool2d', inputs: swapInputs(call.inputs), options: swapPoolOptions(c.options) as unknown as Record<string, unknown> }, 'pool.kernel');
    },
  }),
];
