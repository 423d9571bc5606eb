/** adaptiveMaxPool2d (spec/pooling.md, adaptive pooling): the maximum of each window derived from the output size. */
import fc from 'fast-check';
import type { AdaptivePool2dOptions } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { adaptiveMaxPool2d } from '../reference/adaptiveMaxPool2d.js';
import { adaptiveMaxPool2dBackward } from '../reference/adaptiveMaxPool2dBackward.js';
import { adaptivePool2dGeometry, adaptivePool2dOutputShape } from '../shape/adaptivePool2dGeometry.js';
import { adaptivePool2dCall, adaptivePool2dCaseArb, adaptivePool2dInvalidArb } from '../../properties/arbitraries/adaptivePoolCase.js';
import { float32Value } from '../../properties/arbitraries/values.js';
import type { Scale } from '../shape/scale.js';
import { distinctTensorArb } from '../../properties/arbitraries/distinctValues.js';
import { adaptivePoolConfiguration, adaptivePoolFeatures } from './adaptiveAvgPool2d.js';
import { inputTensor } from './callTensors.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { gradOutput, options, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as unknown as AdaptivePool2dOptions;

/** Tie-free inputs: the gradient is unique and finite differences never step across a kink (`grad.adaptive-max-pool2d`). */
const tieFreeCases = (scale?: Scale): fc.Arbitrary<OperatorCall> => adaptivePool2dCaseArb(distinctTensorArb, scale).map(adaptivePool2dCall('adaptiveMaxPool2d'));

export const adaptiveMaxPool2dOperator: OperatorRecord = {
  name: 'adaptiveMaxPool2d',
  id: 'adaptive-max-pool2d',
  inputs: ['input'],
  channelExtents: [{ name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }] }],
  signature: [tensor('input'), options],
  reference: (call) => adaptiveMaxPool2d(inputTensor(call, 'input'), opts(call)),
  referenceWithAbsSum: (call) => ({ result: adaptiveMaxPool2d(inputTensor(call, 'input'), opts(call)), absSum: null }), // comparisons only (`num.exact`)
  outputShape: (call) => adaptivePool2dOutputShape(adaptivePool2dGeometry(call.inputs['input']?.shape ?? [], opts(call), 'adaptiveMaxPool2d')),
  shapeClause: 'shape.adaptive-pool',
  terms: () => 0, // comparisons only (`num.exact`)
  features: (call) => adaptivePoolFeatures('adaptiveMaxPool2d', call),
  cases: (scale) => adaptivePool2dCaseArb(float32Value, scale).map(adaptivePool2dCall('adaptiveMaxPool2d')),
  configuration: (call) => adaptivePoolConfiguration('adaptiveMaxPool2d', call),
  outputShapeProperty: { title: 'adaptiveMaxPool2d output shape is [N, C, outputSize] for any input size', clauses: ['shape.adaptive-pool', 'pool.adaptive.output-size'] },
  definition: {
    title: 'adaptiveMaxPool2d equals the float64 reference exactly',
    clauses: ['pool.adaptive.max', 'pool.adaptive.windows', 'num.exact', ...COMMON_DEFINITION_CLAUSES],
  },
  backward: {
    method: 'adaptiveMaxPool2dBackward',
    signature: [tensor('input'), gradOutput, options],
    answers: 'input',
    reference: (call, g) => ({ input: adaptiveMaxPool2dBackward(inputTensor(call, 'input', 'adaptiveMaxPool2dBackward'), g, opts(call)) }),
    cases: tieFreeCases,
    ownValues: true, // tie-free values are what make the gradient unique (`num.values.exact`)
    matchesReference: { title: "adaptiveMaxPool2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.adaptive-max-pool2d', 'grad.vjp'] },
    absoluteBound: false,
    gradcheck: true,
  },
  invalidCases: () => adaptivePool2dInvalidArb('adaptiveMaxPool2d'),
  invalidConfigurations: {
    title: 'adaptiveMaxPool2d rejects a negative, zero or malformed outputSize',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'pool.adaptive.output-size', 'pool.adaptive.output-size.zero'],
  },
  emptyAnswerAllowedFor: ['pool.adaptive.output-size.zero'],
};
