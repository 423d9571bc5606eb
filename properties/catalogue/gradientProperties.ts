/**
 * Gradients (spec/gradients.md): an adapter's backward operators agree with the reference's vector-Jacobian
 * products; on float64 adapters they also pass gradcheck against finite differences of the adapter's own
 * forward; max pooling with ties sends each window's gradient to exactly one maximal element; and the
 * gradient of one output element is zero outside its receptive field (`shape.receptive-field`).
 */
import fc from 'fast-check';
import type { Adapter, OperatorName, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { invokeBackward, BACKWARD_OPERATOR, type DifferentiableOp } from '../../src/check/backwardCall.js';
import { gradcheck } from '../../src/check/gradcheck.js';
import { sumBound } from '../../src/check/tolerance.js';
import { callOutputShape } from '../../src/shape/callOutputShape.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { receptiveField, receptiveRange } from '../../src/shape/receptiveField.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { conv2dCall, conv2dCaseArb } from '../arbitraries/conv2dCase.js';
import { convTranspose2dCall, convTranspose2dCaseArb } from '../arbitraries/convTranspose2dCase.js';
import { distinctTensorArb } from '../arbitraries/distinctValues.js';
import { pad2dCall, pad2dCaseArb } from '../arbitraries/pad2dCase.js';
import { avgPool2dCall, avgPool2dCaseArb, maxPool2dCall, maxPool2dCaseArb } from '../arbitraries/poolCase.js';
import { tensorArb } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { describeCall } from '../callAdapter.js';
import { defineProperty, type Property } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';
import { absTensor } from '../transforms/elementwise.js';
import { callFeatures } from './caseFeatures.js';

interface GradCase {
  readonly call: OperatorCall;
  readonly gradOutput: TensorData;
}

const gradCaseArb = (calls: fc.Arbitrary<OperatorCall>): fc.Arbitrary<GradCase> =>
  calls.chain((call) => tensorArb(callOutputShape(call)).map((gradOutput) => ({ call, gradOutput })));

/** Max-pool calls on tie-free inputs: the gradient is unique (`grad.max-pool2d`). */
const tieFreeMaxPool = maxPool2dCaseArb().chain((c) => distinctTensorArb(c.input.shape).map((input) => maxPool2dCall({ ...c, input })));

const CALLS: Record<DifferentiableOp, fc.Arbitrary<OperatorCall>> = {
  conv2d: conv2dCaseArb().map(conv2dCall),
  convTranspose2d: convTranspose2dCaseArb().map(convTranspose2dCall),
  pad2d: pad2dCaseArb().map(pad2dCall),
  maxPool2d: tieFreeMaxPool,
  avgPool2d: avgPool2dCaseArb().map(avgPool2dCall),
};

const CLAUSES: Record<DifferentiableOp, string[]> = {
  conv2d: ['grad.conv2d.input', 'grad.conv2d.weight', 'grad.conv2d.bias', 'grad.vjp'],
  convTranspose2d: ['grad.conv-transpose2d', 'grad.vjp'],
  pad2d: ['grad.pad2d', 'grad.vjp'],
  maxPool2d: ['grad.max-pool2d', 'grad.vjp'],
  avgPool2d: ['grad.avg-pool2d', 'grad.vjp'],
};

const ID: Record<DifferentiableOp, string> = { conv2d: 'conv2d', convTranspose2d: 'conv-transpose2d', pad2d: 'pad2d', maxPool2d: 'max-pool2d', avgPool2d: 'avg-pool2d' };

/** Inputs made non-negative for the bound: conv weights and data by |·|; pools and pad keep x (their routing depends on it). */
function absCall(call: OperatorCall): OperatorCall {
  if (call.op !== 'conv2d' && call.op !== 'convTranspose2d') return call;
  return { ...call, inputs: Object.fromEntries(Object.entries(call.inputs).map(([k, t]) => [k, t === null ? null : absTensor(t)])) };
}

function backwardMatchesReference(op: DifferentiableOp, variant?: { id: string; title: string; calls: fc.Arbitrary<OperatorCall>; clauses: string[] }): Property {
  const backwardOp = BACKWARD_OPERATOR[op] as OperatorName;
  const clauses = variant?.clauses ?? CLAUSES[op];
  return defineProperty<GradCase>({
    id: variant?.id ?? `${ID[op]}.backward-matches-reference`,
    title: variant?.title ?? `${backwardOp} equals the reference's vector-Jacobian product for every input`,
    clauses,
    requires: { ops: [op as OperatorName, backwardOp] },
    arbitrary: gradCaseArb(variant?.calls ?? CALLS[op]),
    caseFeatures: (c) => callFeatures(c.call),
    predicate: async (adapter, { call, gradOutput }) => {
      const expected = await invokeBackward(reference, call, gradOutput);
      const absSums = await invokeBackward(reference, absCall(call), absTensor(gradOutput));
      const actual = await invokeBackward(adapter, call, gradOutput);
      const terms = gradOutput.data.length; // no gradient element sums more products than there are outputs
      for (const [name, want] of Object.entries(expected)) {
        if (want === undefined) continue;
        const got = checkAdapterResult(actual[name], backwardOp, want.shape);
        const sums = absSums[name]!.data;
        expectClose(got, checkAdapterResult(want, backwardOp, null), (i) => sumBound(terms, sums[i]!, adapter.dtype), {
          what: `${backwardOp}.${name}`,
          call: describeCall(call),
          clause: clauses[0]!,
        });
      }
    },
  });
}

function gradcheckProperty(op: DifferentiableOp): Property {
  const backwardOp = BACKWARD_OPERATOR[op] as OperatorName;
  return defineProperty<OperatorCall>({
    id: `${ID[op]}.gradcheck`,
    title: `${backwardOp} agrees with central finite differences of the adapter's own ${op} (float64 adapters)`,
    clauses: [...CLAUSES[op], 'grad.gradcheck'],
    requires: { ops: [op as OperatorName, backwardOp] },
    arbitrary: CALLS[op],
    caseFeatures: callFeatures,
    maxRuns: 25,
    predicate: async (adapter, call) => {
      if (adapter.dtype !== 'float64') return; // float32 forwards are checked against the reference instead
      const r = await gradcheck(adapter, call);
      if (r.status === 'error') throw new Error(r.message ?? `${op} or ${backwardOp} threw`);
      if (r.status === 'failed') {
        const worst = r.inputs.find((i) => !i.ok)?.worst;
        throw new PropertyFailure(`${backwardOp}.${r.inputs.find((i) => !i.ok)?.input ?? '?'}${worst ? `[${worst.position.join(', ')}]` : ''}`, String(worst?.analytic), `${worst?.numeric} ± ${worst?.bound.toPrecision(3)} (finite differences)`, describeCall(call), 'grad.gradcheck');
      }
    },
  });
}

/** Tie-free max pooling with NaN and ±∞ among the values: the gradient's route is the spec's (`grad.max-pool2d.nan`). */
const maxPoolWithNaN = maxPool2dCaseArb()
  .chain((c) => fc.tuple(distinctTensorArb(c.input.shape), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(NaN, Infinity, -Infinity)).map(([input, at, special]) => {
    const data = Array.from(input.data);
    for (const k of at) data[k % data.length] = special;
    return maxPool2dCall({ ...c, input: { shape: input.shape, data } });
  }));

export const gradientProperties: Property[] = [
  ...(['conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d'] as const).map((op) => backwardMatchesReference(op)),
  backwardMatchesReference('maxPool2d', { id: 'max-pool2d.backward-nan', title: 'with NaN and ±∞ among the inputs, maxPool2dBackward routes each gradient as the spec says (a NaN wins, the last NaN in scan order)', calls: maxPoolWithNaN, clauses: ['grad.max-pool2d.nan', 'pool.max.nan', 'grad.max-pool2d'] }),
  ...(['conv2d', 'convTranspose2d', 'pad2d', 'maxPool2d', 'avgPool2d'] as const).map(gradcheckProperty),
  defineProperty<GradCase>({
    id: 'max-pool2d.backward-ties',
    title: "with ties, each window's gradient goes to exactly one maximal element: Σ grad input = Σ grad output",
    clauses: ['pool.max.ties', 'grad.max-pool2d'],
    requires: { ops: ['maxPool2d', 'maxPool2dBackward'] },
    arbitrary: gradCaseArb(maxPool2dCaseArb(fc.integer({ min: -2, max: 2 })).map(maxPool2dCall)),
    caseFeatures: (c) => callFeatures(c.call),
    predicate: async (adapter, { call, gradOutput }) => {
      const y = await callReferenceForward(call);
      const grads = await invokeBackward(adapter, call, gradOutput);
      const g = checkAdapterResult(grads['input'], 'maxPool2dBackward', call.inputs['input']!.shape);
      let want = 0;
      let scale = 0;
      gradOutput.data.forEach((v, i) => {
        if (Number.isFinite(y.data[i])) {
          want += v;
          scale += Math.abs(v);
        }
      });
      const got = g.data.reduce((s, v) => s + v, 0);
      const bound = sumBound(2 * gradOutput.data.length, 2 * scale, adapter.dtype);
      if (!(Math.abs(got - want) <= bound)) {
        throw new PropertyFailure('Σ maxPool2dBackward.input', String(got), `Σ gradOutput = ${want} ± ${bound.toPrecision(3)}`, describeCall(call), 'pool.max.ties');
      }
    },
  }),
  defineProperty<{ call: OperatorCall; at: [number, number, number, number] }>({
    id: 'conv2d.gradient-locality',
    title: "the input gradient of one output element is zero outside that element's receptive field",
    clauses: ['shape.receptive-field', 'grad.conv2d.input'],
    requires: { ops: ['conv2d', 'conv2dBackward'] },
    arbitrary: conv2dCaseArb({ modes: ['zeros'] })
      .map(conv2dCall)
      .chain((call) => {
        const [n, o, h, w] = callOutputShape(call) as [number, number, number, number];
        return fc.tuple(fc.nat(n - 1), fc.nat(o - 1), fc.nat(h - 1), fc.nat(w - 1)).map((at) => ({ call, at }));
      }),
    caseFeatures: (c) => callFeatures(c.call),
    predicate: async (adapter, { call, at }) => {
      const outShape = callOutputShape(call);
      const oneHot = new Float64Array(outShape.reduce((a, b) => a * b, 1));
      oneHot[((at[0] * outShape[1]! + at[1]) * outShape[2]! + at[2]) * outShape[3]! + at[3]] = 1;
      const grads = await invokeBackward(adapter, call, { shape: outShape, data: oneHot });
      const input = call.inputs['input']!;
      const g = checkAdapterResult(grads['input'], 'conv2dBackward', input.shape);
      const geo = conv2dGeometry(input.shape, call.inputs['weight']!.shape, null, call.options);
      const [r0, r1] = receptiveRange(receptiveField([{ kernel: geo.kernelH, stride: geo.strideH, dilation: geo.dilationH, padBefore: geo.pads.top }]), at[2], geo.height);
      const [c0, c1] = receptiveRange(receptiveField([{ kernel: geo.kernelW, stride: geo.strideW, dilation: geo.dilationW, padBefore: geo.pads.left }]), at[3], geo.width);
      const [, C, H, W] = input.shape as [number, number, number, number];
      for (let k = 0; k < g.data.length; k++) {
        const x = k % W;
        const y = Math.floor(k / W) % H;
        const b = Math.floor(k / (C * H * W));
        const outside = b !== at[0] || y < r0 || y > r1 || x < c0 || x > c1;
        if (outside && g.data[k] !== 0) {
          throw new PropertyFailure(`conv2dBackward.input[${b}, ${Math.floor(k / (H * W)) % C}, ${y}, ${x}]`, String(g.data[k]), `0 (outside rows ${r0}…${r1}, columns ${c0}…${c1} of output [${at.join(', ')}])`, describeCall(call), 'shape.receptive-field');
        }
      }
    },
  }),
];

async function callReferenceForward(call: OperatorCall): Promise<TensorData> {
  return (await (reference as Required<Adapter>).maxPool2d(call.inputs['input']!, call.options as never)) as TensorData;
}
