/** pad2d (spec/padding.md): constant, reflect, replicate and circular padding of the last two axes. */
import type { Feature, Pad2dMode, Pads } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { pad2d } from '../reference/pad2d.js';
import { pad2dBackward } from '../reference/pad2dBackward.js';
import { pad2dGeometry, pad2dOutputShape } from '../shape/pad2dGeometry.js';
import { pad2dCall, pad2dCaseArb } from '../../properties/arbitraries/pad2dCase.js';
import { pad2dInvalidArb } from '../../properties/arbitraries/invalidCall.js';
import { BOUNDARIES, boundariesOverAxes, padLimitBoundaries } from '../shape/boundaries.js';
import { inputTensor } from './callTensors.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { gradOutput, option, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as { pads: Pads; mode: Pad2dMode; value?: number };

export function pad2dCallFeatures(call: OperatorCall): Feature[] {
  const { pads, mode } = opts(call);
  const f: Feature[] = [];
  if (mode !== 'constant') f.push(`pad2d.${mode}`);
  if (Object.values(pads).some((v) => v < 0)) f.push('pad2d.negative');
  return f;
}

export const pad2dOperator: OperatorRecord = {
  name: 'pad2d',
  id: 'pad2d',
  inputs: ['input'],
  channelExtents: [{ name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }] }],
  signature: [tensor('input'), option('pads'), option('mode'), option('value', true)],
  reference: (call) => {
    const { pads, mode, value } = opts(call);
    return pad2d(inputTensor(call, 'input'), pads, mode, value);
  },
  referenceWithAbsSum: (call) => ({ result: pad2dOperator.reference(call), absSum: null }), // copies only (`num.exact`)
  outputShape: (call) => pad2dOutputShape(pad2dGeometry(call.inputs['input']?.shape ?? [], opts(call).pads, opts(call).mode)),
  shapeClause: 'shape.pad',
  terms: () => 0, // copies only (`num.exact`)
  features: pad2dCallFeatures,
  cases: () => pad2dCaseArb().map(pad2dCall),
  boundaries: {
    ids: [BOUNDARIES.circularPadEqualsSize, BOUNDARIES.reflectPadIsSizeMinus1],
    of: (call) => {
      const g = pad2dGeometry(call.inputs['input']?.shape ?? [], opts(call).pads, opts(call).mode);
      const axes = [{ size: g.keptH, padBefore: g.pads.top, padAfter: g.pads.bottom }, { size: g.keptW, padBefore: g.pads.left, padAfter: g.pads.right }];
      return boundariesOverAxes(axes, (a) => padLimitBoundaries(a, g.mode));
    },
  },
  configuration: (call) => {
    const g = pad2dGeometry(call.inputs['input']?.shape ?? [], opts(call).pads, opts(call).mode);
    const crops = Object.values(g.pads).some((p) => p < 0);
    return { batch: g.outerShape[0] ?? 1, channels: g.outerShape[1] ?? 1, axes: [], padding: crops ? `${g.mode}+crop` : g.mode };
  },
  outputShapeProperty: { title: 'pad2d output shape = [..., H + top + bottom, W + left + right], negative pads included', clauses: ['shape.pad', 'pad.negative'] },
  definition: {
    title: 'pad2d equals the float64 reference within the tolerance model',
    clauses: ['pad.mode', 'pad.constant', 'pad.reflect', 'pad.replicate', 'pad.circular', 'pad.negative', 'num.exact', ...COMMON_DEFINITION_CLAUSES],
  },
  backward: {
    method: 'pad2dBackward',
    signature: [tensor('input'), gradOutput, option('pads'), option('mode')],
    answers: 'input',
    reference: (call, g) => ({ input: pad2dBackward(inputTensor(call, 'input', 'pad2dBackward').shape, g, opts(call).pads, opts(call).mode) }),
    cases: () => pad2dCaseArb().map(pad2dCall),
    matchesReference: { title: "pad2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.pad2d', 'grad.vjp'] },
    absoluteBound: false,
    gradcheck: true,
  },
  linearIn: ['input'],
  // The constant is the affine part (`grad.adjoint`).
  linearPart: (call) => ({ ...call, options: { ...call.options, value: 0 } }),
  invalidCases: () => pad2dInvalidArb,
  invalidConfigurations: {
    title: 'pad2d rejects pads beyond the reflect and circular limits and crops that empty the input',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'pad.reflect.limit', 'pad.circular.limit', 'pad.negative'],
  },
  emptyAnswerAllowedFor: ['pad.negative'],
};
