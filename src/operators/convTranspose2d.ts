/** convTranspose2d (spec/conv-transpose2d.md): NCHW input, [C, O/groups, kh, kw] weight, optional bias. */
import type { ConvTranspose2dOptions, Feature } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { convTranspose2d, convTranspose2dWithAbsSum } from '../reference/convTranspose2d.js';
import { convTranspose2dBackward } from '../reference/convTranspose2dBackward.js';
import { convTranspose2dGeometry, convTranspose2dOutputShape } from '../shape/convTranspose2dGeometry.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from '../../properties/arbitraries/convTranspose2dCase.js';
import { convTranspose2dInvalidArb } from '../../properties/arbitraries/invalidCall.js';
import { inputTensor, optionalInputTensor } from './callTensors.js';
import { fingerprintCallsOf, swapLeadingLengths } from './fingerprintCases.js';
import { COMMON_DEFINITION_CLAUSES, INVALID_CONFIGURATIONS_CLAUSES } from './commonClauses.js';
import type { OperatorRecord } from './operatorRecord.js';
import { isPairOf } from '../shape/pair.js';
import { BOUNDARIES, boundariesOverAxes, outputPaddingAtLimit } from '../shape/boundaries.js';
import { gradOutput, options, tensor } from './signature.js';

const opts = (call: OperatorCall) => call.options as ConvTranspose2dOptions;
const geometry = (call: OperatorCall) => convTranspose2dGeometry(call.inputs['input']?.shape ?? [], call.inputs['weight']?.shape ?? [], call.inputs['bias']?.shape ?? null, call.options);

export function convTranspose2dCallFeatures(call: OperatorCall): Feature[] {
  const f: Feature[] = [];
  const o = opts(call);
  if (!isPairOf(o.dilation, 1)) f.push('convTranspose2d.dilation');
  if ((o.groups ?? 1) > 1) f.push('convTranspose2d.groups');
  if (!isPairOf(o.outputPadding, 0)) f.push('convTranspose2d.outputPadding');
  return f;
}

export const convTranspose2dOperator: OperatorRecord = {
  name: 'convTranspose2d',
  id: 'conv-transpose2d',
  inputs: ['input', 'weight', 'bias'],
  // weight [C, O/groups, kh, kw], bias [O] (`convt.definition`)
  channelExtents: [
    { name: 'input.C', axes: [{ tensor: 'input', fromEnd: 3 }, { tensor: 'weight', fromEnd: 4 }] },
    { name: 'output.C', axes: [{ tensor: 'weight', fromEnd: 3, perGroup: true }, { tensor: 'bias', fromEnd: 1 }] },
  ],
  signature: [tensor('input'), tensor('weight'), tensor('bias', true), options],
  reference: (call) => convTranspose2d(inputTensor(call, 'input'), inputTensor(call, 'weight'), optionalInputTensor(call, 'bias'), opts(call)),
  referenceWithAbsSum: (call) => convTranspose2dWithAbsSum(inputTensor(call, 'input'), inputTensor(call, 'weight'), optionalInputTensor(call, 'bias'), opts(call)),
  outputShape: (call) =>
    convTranspose2dOutputShape(convTranspose2dGeometry(call.inputs['input']?.shape ?? [], call.inputs['weight']?.shape ?? [], call.inputs['bias']?.shape ?? null, call.options)),
  shapeClause: 'shape.conv-transpose',
  // Each output sums at most C/groups·kh·kw products (weight [C, O/groups, kh, kw]), plus the bias.
  terms: (call) => {
    const [c = 1, , kh = 1, kw = 1] = call.inputs['weight']!.shape;
    return (c / (opts(call).groups ?? 1)) * kh * kw + (call.inputs['bias'] ? 1 : 0);
  },
  features: convTranspose2dCallFeatures,
  cases: (scale) => convTranspose2dCaseArb(scale).map(convTranspose2dCall),
  boundaries: {
    ids: [BOUNDARIES.outputPaddingAtLimit],
    of: (call) => {
      const g = geometry(call);
      return boundariesOverAxes([g.h, g.w], (a) => (outputPaddingAtLimit(a.stride, a.dilation, a.outputPadding) ? [BOUNDARIES.outputPaddingAtLimit] : []));
    },
  },
  configuration: (call) => {
    const g = geometry(call);
    const padded = g.h.padding > 0 || g.w.padding > 0 ? 'padded' : 'valid';
    return { batch: g.batch, channels: g.inChannels, axes: [g.h, g.w], padding: g.h.outputPadding > 0 || g.w.outputPadding > 0 ? `${padded}+output-padding` : padded };
  },
  outputShapeProperty: { title: 'convTranspose2d output shape = (n − 1)s − 2p + d(k − 1) + outputPadding + 1', clauses: ['shape.conv-transpose', 'convt.output-padding'] },
  definition: {
    title: 'convTranspose2d equals the float64 reference within the tolerance model',
    clauses: ['convt.definition', 'convt.padding', 'convt.output-padding', 'convt.groups', 'num.tolerance', 'num.tolerance.terms', 'tensor.layout.transposed-weight', ...COMMON_DEFINITION_CLAUSES],
  },
  exactIntegers: {
    title: 'convTranspose2d on small integers whose sums are exact in the declared formats matches the reference bit for bit (direct summation)',
    clauses: ['num.exact-integers', 'num.values.exact', 'num.values.exact.fill', 'num.declaration', 'convt.definition'],
  },
  // Weight [C, O, k, k] (the case's values, read in that shape) and padding k − 1: the output is the H − k + 1 positions
  // where the whole kernel overlaps the input (`shape.conv-transpose`), so each one sums C·k·k products.
  fingerprintCalls: () =>
    fingerprintCallsOf((input, weight) => {
      const k = weight.shape[2] ?? 1;
      return { op: 'convTranspose2d', inputs: { input, weight: swapLeadingLengths(weight), bias: null }, options: { padding: k - 1 } };
    }),
  backward: {
    method: 'convTranspose2dBackward',
    signature: [tensor('input'), tensor('weight'), tensor('bias', true), gradOutput, options],
    answers: 'by-input',
    reference: (call, g) => {
      const m = 'convTranspose2dBackward';
      const r = convTranspose2dBackward(inputTensor(call, 'input', m), inputTensor(call, 'weight', m), optionalInputTensor(call, 'bias', m), g, opts(call));
      return { input: r.input, weight: r.weight, bias: r.bias };
    },
    cases: (scale) => convTranspose2dCaseArb(scale).map(convTranspose2dCall),
    matchesReference: { title: "convTranspose2dBackward equals the reference's vector-Jacobian product for every input", clauses: ['grad.conv-transpose2d', 'grad.vjp'] },
    absoluteBound: true,
    gradcheck: true,
  },
  linearIn: ['input', 'weight'],
  linearPart: (call) => ({ ...call, inputs: { ...call.inputs, bias: null } }),
  invalidCases: () => convTranspose2dInvalidArb,
  invalidConfigurations: {
    title: 'convTranspose2d rejects an outputPadding that is not below max(stride, dilation)',
    clauses: [...INVALID_CONFIGURATIONS_CLAUSES, 'convt.output-padding'],
  },
};
