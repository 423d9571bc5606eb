/**
 * convTranspose2d is the adjoint of conv2d (`convt.adjoint`): ⟨conv2d(x, w), y⟩ = ⟨x, convTranspose2d(y, w)⟩
 * for the same stride, padding, dilation and groups, with outputPadding chosen so the transposed output has
 * x's size.
 */
import fc from 'fast-check';
import type { ConvTranspose2dOptions, TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { gamma } from '../../src/check/tolerance.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { transposedOutputSize } from '../../src/shape/windowOutputSize.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { tensorArb } from '../arbitraries/values.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { PropertyFailure } from '../propertyFailure.js';
import { dot } from '../transforms/elementwise.js';
import { conv2dFeatures, convTranspose2dFeatures } from './caseFeatures.js';

interface AdjointCase {
  readonly c: Conv2dCase;
  readonly y: TensorData;
}

/** The convTranspose2d options that undo conv2d's shape for this case: same geometry, outputPadding to fit x. */
function transposedOptions(c: Conv2dCase): ConvTranspose2dOptions {
  const g = conv2dGeometry(c.input.shape, c.weight.shape, null, c.options);
  return {
    stride: [g.h.stride, g.w.stride],
    padding: [g.pads.top, g.pads.left],
    dilation: [g.h.dilation, g.w.dilation],
    groups: g.groups,
    outputPadding: [
      g.h.size - transposedOutputSize(g.h.out, g.h.kernel, g.h.stride, g.h.dilation, g.pads.top, 0),
      g.w.size - transposedOutputSize(g.w.out, g.w.kernel, g.w.stride, g.w.dilation, g.pads.left, 0),
    ],
  };
}

export const adjointProperties = [
  defineProperty<AdjointCase>({
    id: 'conv-transpose2d.adjoint-of-conv2d',
    operator: 'conv-transpose2d',
    family: 'oracle',
    title: '⟨conv2d(x, w), y⟩ = ⟨x, convTranspose2d(y, w)⟩ (dot-product test)',
    clauses: ['convt.adjoint', 'convt.definition', 'convt.output-padding', 'grad.adjoint'],
    requires: { ops: ['conv2d', 'convTranspose2d'] },
    arbitrary: (scale) => conv2dCaseArb({ paddingForms: false, modes: ['zeros'] }, scale)
      .map((c) => ({ ...c, bias: null }))
      .filter((c) => {
        // outputPadding must stay below max(stride, dilation) (`convt.output-padding`).
        const g = conv2dGeometry(c.input.shape, c.weight.shape, null, c.options);
        const opH = g.h.size - transposedOutputSize(g.h.out, g.h.kernel, g.h.stride, g.h.dilation, g.pads.top, 0);
        const opW = g.w.size - transposedOutputSize(g.w.out, g.w.kernel, g.w.stride, g.w.dilation, g.pads.left, 0);
        return opH < Math.max(g.h.stride, g.h.dilation) && opW < Math.max(g.w.stride, g.w.dilation);
      })
      .chain((c) => {
        const g = conv2dGeometry(c.input.shape, c.weight.shape, null, c.options);
        return tensorArb([g.batch, g.outChannels, g.h.out, g.w.out]).map((y) => ({ c, y }));
      }),
    caseFeatures: ({ c }) => [...conv2dFeatures(c), ...convTranspose2dFeatures({ options: transposedOptions(c) })],
    predicate: async (adapter, { c, y }) => {
      const forward = conv2dCall(c);
      const transposed: OperatorCall = { op: 'convTranspose2d', inputs: { input: y, weight: c.weight, bias: null }, options: transposedOptions(c) as Record<string, unknown> };
      const f = await referenceWithBound(forward, adapter);
      const t = await referenceWithBound(transposed, adapter);
      const cx = await callOp(adapter, forward, f.expected.shape);
      const ty = await callOp(adapter, transposed, c.input.shape);
      const lhs = dot(cx, y);
      const rhs = dot(c.input, ty);
      // Each side: the operator's per-element bound weighted by the other vector, plus the dot's own rounding.
      let err = 0;
      for (let i = 0; i < y.data.length; i++) err += Math.abs(y.data[i]!) * f.bound(i);
      for (let i = 0; i < c.input.data.length; i++) err += Math.abs(c.input.data[i]!) * t.bound(i);
      err += 2 * gamma(Math.max(y.data.length, c.input.data.length), 'float64') * (lhs.absSum + rhs.absSum);
      if (!(Math.abs(lhs.value - rhs.value) <= err)) {
        throw new PropertyFailure('⟨conv2d(x, w), y⟩', String(lhs.value), `⟨x, convTranspose2d(y, w)⟩ = ${rhs.value} ± ${err.toPrecision(3)}`, describeCall(transposed), 'convt.adjoint');
      }
    },
  }),
];
