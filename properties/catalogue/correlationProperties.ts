/**
 * The notes' corr2d: it agrees with the reference, equals conv2d on 1×1×H×W, commutes with transposition
 * (corr2d(Xᵀ, Kᵀ) = corr2d(X, K)ᵀ), and the [1, −1] detector is blind to horizontal edges (000, 001 §1.3).
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { oneTo, float32Value } from '../arbitraries/values.js';
import { corr2dCall, matrixCaseArb, type MatrixCase } from '../arbitraries/corr2dCase.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { defineProperty } from '../property.js';
import { swapLastAxes } from '../transforms/layoutTransforms.js';

const corrCall = (x: TensorData, k: TensorData): OperatorCall => corr2dCall({ x, k });

/** An image whose rows are constant: only horizontal edges. */
const horizontalStripes: fc.Arbitrary<TensorData> = fc
  .record({ h: oneTo(6), w: fc.integer({ min: 2, max: 8 }) })
  .chain(({ h, w }) => fc.array(float32Value, { minLength: h, maxLength: h }).map((rows) => ({ shape: [h, w], data: rows.flatMap((r) => new Array<number>(w).fill(r)) })));

export const correlationProperties = [
  defineProperty<MatrixCase>({
    id: 'corr2d.equals-conv2d',
    operator: 'corr2d',
    family: 'oracle',
    title: 'corr2d(X, K) = conv2d(X as 1×1×H×W, K as 1×1×kh×kw)',
    clauses: ['corr.as-conv2d', 'corr.definition', 'conv.definition', 'tensor.layout.nchw'],
    requires: { ops: ['corr2d', 'conv2d'] },
    arbitrary: () => matrixCaseArb,
    predicate: async (adapter, { x, k }) => {
      const call = corrCall(x, k);
      const { expected, bound } = await referenceWithBound(call, adapter);
      const viaCorr = await callOp(adapter, call, expected.shape);
      const convCall: OperatorCall = { op: 'conv2d', inputs: { input: { shape: [1, 1, ...x.shape], data: x.data }, weight: { shape: [1, 1, ...k.shape], data: k.data }, bias: null }, options: {} };
      const viaConv = await callOp(adapter, convCall, [1, 1, ...expected.shape]);
      expectClose({ shape: expected.shape, data: viaConv.data }, viaCorr, (i) => 2 * bound(i), { what: 'conv2d(1×1×H×W)', call: describeCall(convCall), clause: 'corr.definition' });
    },
  }),
  defineProperty<MatrixCase>({
    id: 'corr2d.transposition',
    operator: 'corr2d',
    family: 'transposition',
    title: 'corr2d(Xᵀ, Kᵀ) = corr2d(X, K)ᵀ',
    clauses: ['corr.definition'],
    requires: { ops: ['corr2d'] },
    arbitrary: () => matrixCaseArb,
    predicate: async (adapter, { x, k }) => {
      const call = corrCall(x, k);
      const { expected, bound } = await referenceWithBound(call, adapter);
      const direct = await callOp(adapter, call, expected.shape);
      const tCall = corrCall(swapLastAxes(x), swapLastAxes(k));
      const transposed = await callOp(adapter, tCall, [expected.shape[1]!, expected.shape[0]!]);
      const boundT = (i: number) => 2 * bound(((i % expected.shape[0]!) * expected.shape[1]!) + Math.floor(i / expected.shape[0]!));
      expectClose(transposed, swapLastAxes(direct), boundT, { what: 'corr2d(Xᵀ, Kᵀ)', call: describeCall(tCall), clause: 'corr.definition' });
    },
  }),
  defineProperty<TensorData>({
    id: 'corr2d.edge-detector-blind-to-horizontal-edges',
    operator: 'corr2d',
    family: 'invariants',
    title: "the notes' [1, −1] kernel answers exactly 0 on an image with only horizontal edges (constant rows)",
    clauses: ['corr.definition', 'errata.001-transposed-output', 'num.declaration'],
    constantAnswers: true, // the answer is all zeros by design (kit.health.vacuous)
    requires: { ops: ['corr2d'] },
    arbitrary: () => horizontalStripes,
    predicate: async (adapter, x) => {
      const call = corrCall(x, { shape: [1, 2], data: [1, -1] });
      const expected = { shape: [x.shape[0]!, x.shape[1]! - 1], data: new Float64Array(x.shape[0]! * (x.shape[1]! - 1)) };
      // Direct summation computes x − x = 0 exactly; a transform algorithm only within its bound (`num.bound.fft`).
      const model = await referenceWithBound(call, adapter);
      const bound = model.blockNonFinite === undefined ? 0 : model.bound;
      expectClose(await callOp(adapter, call, expected.shape), expected, bound, { what: 'corr2d(stripes, [1, −1])', call: describeCall(call), clause: 'corr.definition' });
    },
  }),
];
