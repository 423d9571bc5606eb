/**
 * Gradient laws specific to one operator (spec/gradients.md); the generic gradient properties are in
 * properties/generic/. Max pooling with NaN routes each gradient as the spec says; with ties it sends each
 * window's gradient to exactly one maximal element; and the gradient of one output element of conv2d is zero
 * outside its receptive field (`shape.receptive-field`).
 */
import fc from 'fast-check';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { invokeBackward, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { sumBound } from '../../src/check/tolerance.js';
import { declarationFor, storageShift } from '../../src/check/declaredNumerics.js';
import { maxPool2dOperator } from '../../src/operators/maxPool2d.js';
import { callOutputShape } from '../../src/shape/callOutputShape.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { receptiveField, receptiveRange } from '../../src/shape/receptiveField.js';
import { checkAdapterResult } from '../../src/tensor/tensorData.js';
import { conv2dCall, conv2dCaseArb } from '../arbitraries/conv2dCase.js';
import { distinctTensorArb } from '../arbitraries/distinctValues.js';
import { maxPool2dCall, maxPool2dCaseArb } from '../arbitraries/poolCase.js';
import { describeCall } from '../callAdapter.js';
import { backwardMatchesReference, gradCaseArb, type GradCase } from '../generic/backwardProperties.js';
import { defineProperty, type Property } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';
import { callFeatures } from './caseFeatures.js';

/** Tie-free max pooling with NaN and ±∞ among the values: the gradient's route is the spec's (`grad.max-pool2d.nan`). */
const maxPoolWithNaN = maxPool2dCaseArb()
  .chain((c) => fc.tuple(distinctTensorArb(c.input.shape), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.constantFrom(NaN, Infinity, -Infinity)).map(([input, at, special]) => {
    const data = Array.from(input.data);
    for (const k of at) data[k % data.length] = special;
    return maxPool2dCall({ ...c, input: { shape: input.shape, data } });
  }));

export const gradientProperties: Property[] = [
  backwardMatchesReference({ ...maxPool2dOperator, backward: maxPool2dOperator.backward! }, { id: 'max-pool2d.backward-nan', title: 'with NaN and ±∞ among the inputs, maxPool2dBackward routes each gradient as the spec says (a NaN wins, the last NaN in scan order)', calls: maxPoolWithNaN, clauses: ['grad.max-pool2d.nan', 'pool.max.nan', 'grad.max-pool2d'] }),
  defineProperty<GradCase>({
    id: 'max-pool2d.backward-ties',
    operator: 'max-pool2d',
    family: 'gradient',
    title: "with ties, each window's gradient goes to exactly one maximal element: Σ grad input = Σ grad output",
    clauses: ['pool.max.ties', 'grad.max-pool2d'],
    requires: { ops: ['maxPool2d', 'maxPool2dBackward'] },
    arbitrary: () => gradCaseArb(maxPool2dOperator, maxPool2dCaseArb(fc.integer({ min: -2, max: 2 })).map(maxPool2dCall)),
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
      const declared = declarationFor(adapter, 'maxPool2dBackward');
      const bound = sumBound(2 * gradOutput.data.length, 2 * (scale + gradOutput.data.length * storageShift(declared)), declared);
      if (!(Math.abs(got - want) <= bound)) {
        throw new PropertyFailure('Σ maxPool2dBackward.input', String(got), `Σ gradOutput = ${want} ± ${bound.toPrecision(3)}`, describeCall(call), 'pool.max.ties');
      }
    },
  }),
  defineProperty<{ call: OperatorCall; at: [number, number, number, number] }>({
    id: 'conv2d.gradient-locality',
    operator: 'conv2d',
    family: 'gradient',
    title: "the input gradient of one output element is zero outside that element's receptive field",
    clauses: ['shape.receptive-field', 'grad.conv2d.input'],
    requires: { ops: ['conv2d', 'conv2dBackward'] },
    arbitrary: (scale) => conv2dCaseArb({ modes: ['zeros'] }, scale)
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
      const [r0, r1] = receptiveRange(receptiveField([{ kernel: geo.h.kernel, stride: geo.h.stride, dilation: geo.h.dilation, padBefore: geo.pads.top }]), at[2], geo.h.size);
      const [c0, c1] = receptiveRange(receptiveField([{ kernel: geo.w.kernel, stride: geo.w.stride, dilation: geo.w.dilation, padBefore: geo.pads.left }]), at[3], geo.w.size);
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
