/**
 * Each conv2d option is a composition of simpler conv2d calls: stride = subsampling of the stride-1 output;
 * dilation = a zero-inserted kernel; padding = pad2d then a 'valid' conv (every mode); groups = separate
 * convolutions stacked; multi-channel = sum of single-channel correlations.
 */
import { pairOf } from '../../src/shape/pair.js';
import { pad2dModeOf } from '../../src/shape/pad2dGeometry.js';
import type { Adapter, Conv2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound, type Expectation } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { axpby } from '../transforms/elementwise.js';
import { channelSlice, concatChannels, leadingSlice } from '../transforms/layoutTransforms.js';
import { dilateKernel, subsample } from '../transforms/windowTransforms.js';
import { conv2dFeatures } from './caseFeatures.js';

const explicitPadding = (c: Conv2dCase) => conv2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options).pads;

/**
 * Both sides are the adapter's, each within its own bound of the reference: the call's, and the composed side's —
 * by default the same again; `composedBound` where the composition is a call the declared algorithm computes
 * differently (a stride-1 or undilated call a Winograd adapter transforms, `num.bound.winograd`).
 */
async function compare(adapter: Adapter, c: Conv2dCase, composed: TensorData, what: string, clause: string, via: OperatorCall, ref?: Expectation, composedBound?: (index: number) => number): Promise<void> {
  const call = conv2dCall(c);
  const { expected, bound } = ref ?? (await referenceWithBound(call, adapter));
  const direct = await callOp(adapter, call, expected.shape);
  const other = composedBound ?? bound;
  expectClose(direct, { shape: [...composed.shape], data: Float64Array.from(composed.data) }, (i) => bound(i) + other(i), { what, call: `${describeCall(call)} vs ${describeCall(via)}`, clause });
}

/** A call's bound as a tensor of its output's shape, so it can be rearranged like the output. */
async function boundTensor(adapter: Adapter, call: OperatorCall): Promise<TensorData> {
  const { expected, bound } = await referenceWithBound(call, adapter);
  return { shape: expected.shape, data: Float64Array.from(expected.data, (_, i) => bound(i)) };
}

export const decompositionProperties = [
  defineProperty<Conv2dCase>({
    id: 'conv2d.stride-is-subsampling',
    operator: 'conv2d',
    family: 'decomposition',
    title: 'conv2d with stride s = every s-th row and column of the stride-1 output',
    clauses: ['conv.stride', 'shape.window'],
    requires: { ops: ['conv2d'], features: ['conv2d.stride'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const [sh, sw] = pairOf(c.options.stride, 1);
      const ref = await referenceWithBound(conv2dCall(c), adapter);
      const unit: OperatorCall = conv2dCall({ ...c, options: { ...c.options, stride: 1, padding: explicitPadding(c) } });
      const full = await callOp(adapter, unit);
      const [oh, ow] = [ref.expected.shape[2]!, ref.expected.shape[3]!];
      const unitBound = subsample(await boundTensor(adapter, unit), sh, sw, oh, ow).data;
      await compare(adapter, c, subsample(full, sh, sw, oh, ow), 'conv2d(stride s)', 'conv.stride', unit, ref, (i) => unitBound[i]!);
    },
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.dilation-is-zero-inserted-kernel',
    operator: 'conv2d',
    family: 'decomposition',
    title: 'conv2d with dilation d = conv2d with d − 1 zeros inserted between kernel taps',
    clauses: ['conv.dilation'],
    requires: { ops: ['conv2d'], features: ['conv2d.dilation'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const [dh, dw] = pairOf(c.options.dilation, 1);
      const via = conv2dCall({ ...c, weight: dilateKernel(c.weight, dh, dw), options: { ...c.options, dilation: 1, padding: explicitPadding(c) } });
      const viaBound = (await boundTensor(adapter, via)).data;
      await compare(adapter, c, await callOp(adapter, via), 'conv2d(dilation d)', 'conv.dilation', via, undefined, (i) => viaBound[i]!);
    },
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.padding-is-pad-then-valid',
    operator: 'conv2d',
    family: 'decomposition',
    title: "conv2d with padding p and mode m = conv2d('valid') of pad2d(x, p, m) — every padding form and mode",
    clauses: ['conv.padding.mode', 'conv.padding.forms', 'conv.padding.same', 'pad.mode'],
    requires: { ops: ['conv2d', 'pad2d'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const pads = explicitPadding(c);
      const mode = pad2dModeOf(c.options.paddingMode ?? 'zeros');
      const padCall: OperatorCall = { op: 'pad2d', inputs: { input: c.input }, options: { pads, mode, value: 0 } };
      const padded = await callOp(adapter, padCall);
      const options: Conv2dOptions = { ...c.options, padding: 'valid', paddingMode: 'zeros' };
      const via = conv2dCall({ ...c, input: padded, options });
      await compare(adapter, c, await callOp(adapter, via), 'conv2d(padding)', 'conv.padding.mode', via);
    },
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.groups-are-stacked-convolutions',
    operator: 'conv2d',
    family: 'decomposition',
    title: 'conv2d with g groups = the g group-wise convolutions stacked along channels',
    clauses: ['conv.groups', 'conv.channels'],
    requires: { ops: ['conv2d'], features: ['conv2d.groups'] },
    arbitrary: (scale) => conv2dCaseArb({}, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const g = c.options.groups ?? 1;
      const groupIn = c.input.shape[1]! / g;
      const groupOut = c.weight.shape[0]! / g;
      const parts: TensorData[] = [];
      let last: OperatorCall = conv2dCall(c);
      for (let k = 0; k < g; k++) {
        last = conv2dCall({
          input: channelSlice(c.input, k * groupIn, groupIn),
          weight: leadingSlice(c.weight, k * groupOut, groupOut),
          bias: c.bias === null ? null : leadingSlice(c.bias, k * groupOut, groupOut),
          options: { ...c.options, groups: 1 },
        });
        parts.push(await callOp(adapter, last));
      }
      await compare(adapter, c, concatChannels(parts), 'conv2d(groups)', 'conv.groups', last);
    },
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.channels-are-summed',
    operator: 'conv2d',
    family: 'decomposition',
    title: 'a multi-channel conv2d = Σ over input channels of single-channel convolutions (+ bias once)',
    clauses: ['conv.definition', 'conv.channels'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({ groups: false }, scale),
    caseFeatures: conv2dFeatures,
    predicate: async (adapter, c) => {
      const channels = c.input.shape[1]!;
      let sum: TensorData | null = null;
      let last: OperatorCall = conv2dCall(c);
      for (let k = 0; k < channels; k++) {
        last = conv2dCall({ input: channelSlice(c.input, k, 1), weight: channelSlice(c.weight, k, 1), bias: k === 0 ? c.bias : null, options: c.options });
        const part = await callOp(adapter, last);
        sum = sum === null ? part : axpby(1, sum, 1, part);
      }
      await compare(adapter, c, sum!, 'conv2d(C channels)', 'conv.definition', last);
    },
  }),
];
