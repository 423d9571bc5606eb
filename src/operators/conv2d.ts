/** conv2d (spec/conv2d.md): NCHW input, OIHW weight, optional bias, every padding form and mode. */
import type { Conv2dOptions, Feature } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { conv2d, conv2dWithAbsSum } from '../reference/conv2d.js';
import { conv2dBackward } from '../reference/conv2dBackward.js';
import { conv2dGeometry, conv2dOutputShape } from '../shape/conv2dGeometry.js';
import { conv2dCall, conv2dCaseArb } from '../../properties/arbitraries/conv2dCase.js';
import { conv2dInvalidArb } from '../../properties/arbitraries/invalidCall.js';
import { inputTensor, optionalInputTensor } from './callTensors.js';
import { fingerprintCallsOf } from './fingerprintCases.js';
import { isPairOf } from '../shape/pair.js';
import { padForm } from '../shape/configurationPoint.js';
import { BOUNDARIES, boundariesOverAxes, convAxisBoundaries, padLimitBoundaries, sameEvenKernel } from '../shape/boundaries.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { gradOutput, options, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as Conv2dOptions;
const geometry = (call: OperatorCall) => conv2dGeometry(call.inputs['input']?.shape ?? [], call.inputs['weight']?.shape ?? [], call.inputs['bias']?.shape ?? null, call.options);

/** Which declared features a conv2d call exercises; `conv2d.padding.asymmetric` is the `{top, …}` form. */
export function conv2dCallFeatures(call: OperatorCall): Feature[] {
  const f: Feature[] = [];
  const o = opts(call);
  if (!isPairOf(o.stride, 1)) f.push('conv2d.stride');
  if (!isPairOf(o.dilation, 1)) f.push('conv2d.dilation');
  if ((o.groups ?? 1) > 1) f.push('conv2d.groups');
  if (call.inputs['bias']) f.push('conv2d.bias');
  if (o.padding === 'same') f.push('conv2d.padding.same');
  if (typeof o.padding === 'object' && !Array.isArray(o.padding)) f.push('conv2d.padding.asymmetric');
  if (o.paddingMode && o.paddingMode !== 'zeros') f.push(`conv2d.paddingMode.${o.paddingMode}`);
  return f;
}

export const conv2dOperator: OperatorRecord = {
  name: 'conv2d',
  id: 'conv2d',
  inputs: ['input', 'weight', 'bias'],
  // weight [O, C/groups, kh, kw], bias [O] (`conv.groups`, `conv.bias`)
  channelExtents: [
    { name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }, { tensor: 'weight', fromEnd: 3, perGroup: true }] },
    { name: 'output.C', axes: [{ tensor: 'weight', fromEnd: 4 }, { tensor: 'bias', fromEnd: 1 }] },
  ],
  signature: [tensor('input'), tensor('weight'), tensor('bias', true), options],
  reference: (call) => conv2d(inputTensor(call, 'input'), inputTensor(call, 'weight'), optionalInputTensor(call, 'bias'), opts(call)),
  referenceWithAbsSum: (call) => conv2dWithAbsSum(inputTensor(call, 'input'), inputTensor(call, 'weight'), optionalInputTensor(call, 'bias'), opts(call)),
  outputShape: (call) => conv2dOutputShape(conv2dGeometry(call.inputs['input']?.shape ?? [], call.inputs['weight']?.shape ?? [], call.inputs['bias']?.shape ?? null, call.options)),
  shapeClause: 'shape.conv',
  // C/groups·kh·kw products, plus the bias (`num.tolerance.terms`).
  terms: (call) => {
    const [, c = 1, kh = 1, kw = 1] = call.inputs['weight']!.shape;
    return c * kh * kw + (call.inputs['bias'] ? 1 : 0);
  },
  features: conv2dCallFeatures,
  cases: (scale) => conv2dCaseArb({}, scale).map(conv2dCall),
  boundaries: {
    ids: [BOUNDARIES.circularPadEqualsSize, BOUNDARIES.reflectPadIsSizeMinus1, BOUNDARIES.sameEvenKernel, BOUNDARIES.dilatedKernelFillsAxis],
    of: (call) => {
      const g = geometry(call);
      const same = opts(call).padding === 'same';
      return boundariesOverAxes([g.h, g.w], (a) => [...padLimitBoundaries(a, g.paddingMode), ...convAxisBoundaries(a), ...(same && sameEvenKernel(a) ? [BOUNDARIES.sameEvenKernel] : [])]);
    },
  },
  configuration: (call) => {
    const g = geometry(call);
    const form = opts(call).padding === 'same' ? 'same' : padForm([g.h, g.w]);
    return { batch: g.batch, channels: g.inChannels, axes: [g.h, g.w], padding: form === 'valid' ? form : `${form}/${g.paddingMode}` };
  },
  outputShapeProperty: { title: 'conv2d output shape = [N, O, ⌊(H + pads − d(k−1) − 1)/s⌋ + 1, …]', clauses: ['shape.conv', 'shape.window', 'conv.padding.same.torch'] },
  definition: {
    title: 'conv2d equals the float64 reference within the tolerance model',
    clauses: ['conv.definition', 'conv.stride', 'conv.dilation', 'conv.groups', 'conv.bias', 'conv.padding.forms', 'conv.padding.mode', 'num.tolerance', 'num.tolerance.terms', 'num.declaration', 'num.bound.winograd', 'num.bound.fft', 'shape.scale', 'shape.boundaries', ...COMMON_DEFINITION_CLAUSES],
  },
  exactIntegers: {
    title: 'conv2d on small integers whose sums are exact in the declared formats matches the reference bit for bit (direct summation)',
    clauses: ['num.exact-integers', 'num.values.exact', 'num.values.exact.fill', 'num.declaration', 'num.bound.winograd', 'num.bound.fft', 'conv.definition'],
  },
  // The cases are already in conv2d's layout: no bias, default options.
  fingerprintCalls: () => fingerprintCallsOf((input, weight) => ({ op: 'conv2d', inputs: { input, weight, bias: null }, options: {} })),
  backward: {
    method: 'conv2dBackward',
    signature: [tensor('input'), tensor('weight'), tensor('bias', true), gradOutput, options],
    answers: 'by-input',
    reference: (call, g) => {
      const m = 'conv2dBackward';
      const r = conv2dBackward(inputTensor(call, 'input', m), inputTensor(call, 'weight', m), optionalInputTensor(call, 'bias', m), g, opts(call));
      return { input: r.input, weight: r.weight, bias: r.bias };
    },
    cases: (scale) => conv2dCaseArb({}, scale).map(conv2dCall),
    matchesReference: { title: "conv2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.conv2d.input', 'grad.conv2d.weight', 'grad.conv2d.bias', 'grad.vjp'] },
    absoluteBound: true,
    gradcheck: true,
  },
  linearIn: ['input', 'weight'],
  // The bias is the affine part (`grad.adjoint`).
  linearPart: (call) => ({ ...call, inputs: { ...call.inputs, bias: null } }),
  invalidCases: () => conv2dInvalidArb,
  invalidConfigurations: {
    title: 'conv2d rejects a configuration that breaks one rule (stride, dilation, padding, groups, channels, bias, reflect limit, empty input or output)',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'tensor.shape.positive', 'conv.stride', 'conv.dilation', 'conv.padding.forms', 'conv.padding.same', 'conv.groups', 'conv.channels', 'conv.bias', 'pad.reflect.limit', 'shape.positive'],
  },
  emptyAnswerAllowedFor: ['tensor.shape.positive'],
};
