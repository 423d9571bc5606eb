/** avgPool2d (spec/pooling.md): windows with stride, zero padding, ceil mode, count_include_pad and divisor_override. */
import type { AvgPool2dOptions, Feature } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { avgPool2d, avgPool2dWithAbsSum } from '../reference/avgPool2d.js';
import { avgPool2dBackward } from '../reference/avgPool2dBackward.js';
import { avgPool2dGeometry, pool2dOutputShape } from '../shape/pool2dGeometry.js';
import { avgPool2dInvalidArb } from '../../properties/arbitraries/invalidCall.js';
import { avgPool2dCall, avgPool2dCaseArb } from '../../properties/arbitraries/poolCase.js';
import { pairOf } from '../shape/pair.js';
import { padForm } from '../shape/configurationPoint.js';
import { POOL_BOUNDARIES, boundariesOverAxes, poolAxisBoundaries } from '../shape/boundaries.js';
import { inputTensor } from './callTensors.js';
import { fingerprintCallsOf, planesSideBySide } from './fingerprintCases.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { gradOutput, options, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as unknown as AvgPool2dOptions;

export function avgPool2dCallFeatures(call: OperatorCall): Feature[] {
  const o = opts(call);
  const f: Feature[] = [];
  if (o.ceilMode) f.push('avgPool2d.ceilMode');
  if (o.countIncludePad === false) f.push('avgPool2d.countIncludePad');
  if (o.divisorOverride !== undefined) f.push('avgPool2d.divisorOverride');
  return f;
}

export const avgPool2dOperator: OperatorRecord = {
  name: 'avgPool2d',
  id: 'avg-pool2d',
  inputs: ['input'],
  channelExtents: [{ name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }] }],
  signature: [tensor('input'), options],
  reference: (call) => avgPool2d(inputTensor(call, 'input'), opts(call)),
  referenceWithAbsSum: (call) => avgPool2dWithAbsSum(inputTensor(call, 'input'), opts(call)),
  outputShape: (call) => pool2dOutputShape(avgPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call))),
  shapeClause: 'shape.pool',
  terms: (call) => {
    const [kh, kw] = pairOf(opts(call).kernelSize, 1);
    return kh * kw + 1; // one division after the sum
  },
  features: avgPool2dCallFeatures,
  cases: (scale) => avgPool2dCaseArb({}, scale).map(avgPool2dCall),
  boundaries: {
    ids: POOL_BOUNDARIES,
    of: (call) => {
      const g = avgPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call));
      return boundariesOverAxes([g.h, g.w], poolAxisBoundaries);
    },
  },
  configuration: (call) => {
    const g = avgPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call));
    const form = padForm([g.h, g.w]);
    // Average pooling has no dilation (`pool.avg.definition`).
    const axes = [g.h, g.w].map((a) => ({ kernel: a.kernel, stride: a.stride }));
    return { batch: g.batch, channels: g.channels, axes, padding: g.ceilMode ? `${form}+ceil` : form };
  },
  outputShapeProperty: { title: 'avgPool2d output shape, floor and ceil mode', clauses: ['shape.pool', 'shape.window.ceil', 'pool.ceil-mode.last-window'] },
  definition: {
    title: 'avgPool2d equals the float64 reference within the tolerance model',
    clauses: ['pool.avg.definition', 'pool.avg.count-include-pad', 'pool.avg.ceil-divisor', 'pool.avg.divisor-override', 'num.tolerance', 'num.tolerance.terms', ...COMMON_DEFINITION_CLAUSES],
  },
  // One plane, the case's channels side by side along the width, and a [k, C·k] window at stride 1: each output is the
  // mean of C·k·k inputs (the weight only gives the window's size), the positive cases' one output the mean of all.
  fingerprintCalls: () =>
    fingerprintCallsOf((input, weight) => {
      const [, c = 1, k = 1] = weight.shape;
      const plane = planesSideBySide(input);
      return { op: 'avgPool2d', inputs: { input: { shape: [1, 1, ...plane.shape], data: plane.data } }, options: { kernelSize: [k, c * k], stride: 1 } };
    }),
  backward: {
    method: 'avgPool2dBackward',
    signature: [tensor('input'), gradOutput, options],
    answers: 'input',
    reference: (call, g) => ({ input: avgPool2dBackward(inputTensor(call, 'input', 'avgPool2dBackward'), g, opts(call)) }),
    cases: (scale) => avgPool2dCaseArb({}, scale).map(avgPool2dCall),
    matchesReference: { title: "avgPool2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.avg-pool2d', 'grad.vjp'] },
    absoluteBound: false,
    gradcheck: true,
  },
  linearIn: ['input'],
  linearPart: (call) => call,
  invalidCases: () => avgPool2dInvalidArb,
  invalidConfigurations: {
    title: 'avgPool2d rejects a zero stride and a zero divisor_override',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'pool.stride.default', 'pool.avg.divisor-override'],
  },
};
