/** adaptiveAvgPool2d (spec/pooling.md, adaptive pooling): the mean of each window derived from the output size. */
import type { AdaptivePool2dOptions, Feature } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { adaptiveAvgPool2d, adaptiveAvgPool2dWithAbsSum } from '../reference/adaptiveAvgPool2d.js';
import { adaptiveAvgPool2dBackward } from '../reference/adaptiveAvgPool2dBackward.js';
import { adaptivePool2dGeometry, adaptivePool2dOutputShape, type AdaptiveAxis } from '../shape/adaptivePool2dGeometry.js';
import { adaptivePool2dCall, adaptivePool2dCaseArb, adaptivePool2dInvalidArb } from '../../properties/arbitraries/adaptivePoolCase.js';
import { float32Value } from '../../properties/arbitraries/values.js';
import { inputTensor } from './callTensors.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import type { ConfigurationPoint } from '../shape/configurationPoint.js';
import { gradOutput, options, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as unknown as AdaptivePool2dOptions;
const geometry = (call: OperatorCall, op: string) => adaptivePool2dGeometry(call.inputs['input']?.shape ?? [], opts(call), op);

/** Windows of unequal sizes (m does not divide n on some axis) have no kernel/stride form (`pool.adaptive.windows`). */
export function adaptivePoolFeatures(op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d', call: OperatorCall): Feature[] {
  const g = geometry(call, op);
  const uneven = (a: AdaptiveAxis) => a.size % a.outSize !== 0;
  return uneven(g.h) || uneven(g.w) ? [`${op}.uneven`] : [];
}

/** No fixed window: the configuration is the planes and whether the windows are of unequal sizes (`kit.coverage`). */
export function adaptivePoolConfiguration(op: 'adaptiveAvgPool2d' | 'adaptiveMaxPool2d', call: OperatorCall): ConfigurationPoint {
  const g = geometry(call, op);
  return { batch: g.batch, channels: g.channels, axes: [], padding: adaptivePoolFeatures(op, call).length > 0 ? 'adaptive+uneven' : 'adaptive' };
}

/** The most elements a window of the axis holds: ⌈n/m⌉ + 1, at most n (`pool.adaptive.windows`). */
export const widestWindow = (a: AdaptiveAxis) => Math.min(a.size, Math.ceil(a.size / a.outSize) + 1);

export const adaptiveAvgPool2dOperator: OperatorRecord = {
  name: 'adaptiveAvgPool2d',
  id: 'adaptive-avg-pool2d',
  inputs: ['input'],
  channelExtents: [{ name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }] }],
  signature: [tensor('input'), options],
  reference: (call) => adaptiveAvgPool2d(inputTensor(call, 'input'), opts(call)),
  referenceWithAbsSum: (call) => adaptiveAvgPool2dWithAbsSum(inputTensor(call, 'input'), opts(call)),
  outputShape: (call) => adaptivePool2dOutputShape(geometry(call, 'adaptiveAvgPool2d')),
  shapeClause: 'shape.adaptive-pool',
  terms: (call) => {
    const g = geometry(call, 'adaptiveAvgPool2d');
    return widestWindow(g.h) * widestWindow(g.w) + 2; // PyTorch divides twice, by rows then columns
  },
  features: (call) => adaptivePoolFeatures('adaptiveAvgPool2d', call),
  cases: (scale) => adaptivePool2dCaseArb(float32Value, scale).map(adaptivePool2dCall('adaptiveAvgPool2d')),
  configuration: (call) => adaptivePoolConfiguration('adaptiveAvgPool2d', call),
  outputShapeProperty: { title: 'adaptiveAvgPool2d output shape is [N, C, outputSize] for any input size', clauses: ['shape.adaptive-pool', 'pool.adaptive.output-size'] },
  definition: {
    title: 'adaptiveAvgPool2d equals the float64 reference within the tolerance model',
    clauses: ['pool.adaptive.avg', 'pool.adaptive.windows', 'num.tolerance', 'num.tolerance.terms', ...COMMON_DEFINITION_CLAUSES],
  },
  backward: {
    method: 'adaptiveAvgPool2dBackward',
    signature: [tensor('input'), gradOutput, options],
    answers: 'input',
    reference: (call, g) => ({ input: adaptiveAvgPool2dBackward(inputTensor(call, 'input', 'adaptiveAvgPool2dBackward'), g, opts(call)) }),
    cases: (scale) => adaptivePool2dCaseArb(float32Value, scale).map(adaptivePool2dCall('adaptiveAvgPool2d')),
    matchesReference: { title: "adaptiveAvgPool2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.adaptive-avg-pool2d', 'grad.vjp'] },
    absoluteBound: false,
    gradcheck: true,
  },
  linearIn: ['input'],
  linearPart: (call) => call,
  invalidCases: () => adaptivePool2dInvalidArb('adaptiveAvgPool2d'),
  invalidConfigurations: {
    title: 'adaptiveAvgPool2d rejects a negative, zero or malformed outputSize',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'pool.adaptive.output-size', 'pool.adaptive.output-size.zero'],
  },
  emptyAnswerAllowedFor: ['pool.adaptive.output-size.zero'],
};
