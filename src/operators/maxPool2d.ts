/** maxPool2d (spec/pooling.md): windows with stride, padding (−∞), dilation and ceil mode. */
import fc from 'fast-check';
import type { Feature, MaxPool2dOptions } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { maxPool2d } from '../reference/maxPool2d.js';
import { maxPool2dBackward } from '../reference/maxPool2dBackward.js';
import { maxPool2dGeometry, pool2dOutputShape } from '../shape/pool2dGeometry.js';
import { distinctTensorArb } from '../../properties/arbitraries/distinctValues.js';
import { maxPool2dInvalidArb } from '../../properties/arbitraries/invalidCall.js';
import { maxPool2dCall, maxPool2dCaseArb } from '../../properties/arbitraries/poolCase.js';
import { inputTensor } from './callTensors.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { isPairOf } from '../shape/pair.js';
import { padForm } from '../shape/configurationPoint.js';
import { POOL_BOUNDARIES, boundariesOverAxes, poolAxisBoundaries } from '../shape/boundaries.js';
import { gradOutput, options, tensor } from './signature.js';
import type { Scale } from '../shape/scale.js';

const opts = (call: OperatorCall) => call.options as unknown as MaxPool2dOptions;

export function maxPool2dCallFeatures(call: OperatorCall): Feature[] {
  const f: Feature[] = [];
  if (opts(call).ceilMode) f.push('maxPool2d.ceilMode');
  if (!isPairOf(opts(call).dilation, 1)) f.push('maxPool2d.dilation');
  return f;
}

/** Tie-free inputs: the gradient is unique and finite differences never step across a kink (`grad.max-pool2d`). */
const tieFreeCases = (scale?: Scale): fc.Arbitrary<OperatorCall> => maxPool2dCaseArb(undefined, {}, scale).chain((c) => distinctTensorArb(c.input.shape).map((input) => maxPool2dCall({ ...c, input })));

export const maxPool2dOperator: OperatorRecord = {
  name: 'maxPool2d',
  id: 'max-pool2d',
  inputs: ['input'],
  channelExtents: [{ name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }] }],
  signature: [tensor('input'), options],
  reference: (call) => maxPool2d(inputTensor(call, 'input'), opts(call)),
  referenceWithAbsSum: (call) => ({ result: maxPool2d(inputTensor(call, 'input'), opts(call)), absSum: null }), // comparisons only (`num.exact`)
  outputShape: (call) => pool2dOutputShape(maxPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call))),
  shapeClause: 'shape.pool',
  terms: () => 0, // comparisons only (`num.exact`)
  features: maxPool2dCallFeatures,
  cases: (scale) => maxPool2dCaseArb(undefined, {}, scale).map(maxPool2dCall),
  boundaries: {
    ids: POOL_BOUNDARIES,
    of: (call) => {
      const g = maxPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call));
      return boundariesOverAxes([g.h, g.w], poolAxisBoundaries);
    },
  },
  configuration: (call) => {
    const g = maxPool2dGeometry(call.inputs['input']?.shape ?? [], opts(call));
    const form = padForm([g.h, g.w]);
    return { batch: g.batch, channels: g.channels, axes: [g.h, g.w], padding: g.ceilMode ? `${form}+ceil` : form };
  },
  outputShapeProperty: { title: 'maxPool2d output shape, floor and ceil mode, the ceil-mode last window rule included', clauses: ['pool.ceil-mode.last-window', 'shape.pool', 'shape.window.ceil', 'pool.stride.default'] },
  definition: {
    title: 'maxPool2d equals the float64 reference within the tolerance model',
    clauses: ['pool.max.definition', 'pool.max.padding', 'pool.max.dilation', 'pool.max.empty-window', 'pool.ceil-mode', 'num.exact', ...COMMON_DEFINITION_CLAUSES],
  },
  backward: {
    method: 'maxPool2dBackward',
    signature: [tensor('input'), gradOutput, options],
    answers: 'input',
    reference: (call, g) => ({ input: maxPool2dBackward(inputTensor(call, 'input', 'maxPool2dBackward'), g, opts(call)) }),
    cases: tieFreeCases,
    ownValues: true, // tie-free values are what make the gradient unique (`num.values.exact`)
    matchesReference: { title: "maxPool2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.max-pool2d', 'grad.vjp'] },
    absoluteBound: false,
    gradcheck: true,
  },
  invalidCases: () => maxPool2dInvalidArb,
  invalidConfigurations: {
    title: 'maxPool2d rejects padding beyond half the kernel and windows larger than the padded input',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'pool.padding.limit', 'shape.positive'],
  },
};
