/**
 * Independent oracles: the convolution theorem with fft.js's FFT, im2col with ml-matrix products, and a
 * 1×1 convolution as a matrix product over channels. They share no code with the reference, so the reference
 * is checked by them like any adapter.
 */
import fc from 'fast-check';
import type { TensorData } from '../../src/adapter/contract.js';
import { unitRoundoff } from '../../src/check/tolerance.js';
import { conv2dGeometry } from '../../src/shape/conv2dGeometry.js';
import { conv2dCall, conv2dCaseArb, type Conv2dCase } from '../arbitraries/conv2dCase.js';
import { oneTo, tensorArb } from '../arbitraries/values.js';
import { expectClose } from '../assertions/expectClose.js';
import { referenceWithBound } from '../assertions/referenceBound.js';
import { callOp, describeCall } from '../callAdapter.js';
import { fftConvolution, fftSize } from '../oracles/fftConvolution.js';
import { fullConvolution, validPart } from '../oracles/fullConvolution.js';
import { channelMatrixProduct, im2colConvolution } from '../oracles/im2colConvolution.js';
import { defineProperty } from '../property.js';
import { flipKernel } from '../../src/reference/corr2d.js';
import { conv2dFeatures } from './caseFeatures.js';

interface PlaneCase {
  readonly x: TensorData;
  readonly k: TensorData;
}

const planeCaseArb: fc.Arbitrary<PlaneCase> = fc
  .record({ kh: oneTo(3), kw: oneTo(3), eh: fc.integer({ min: 0, max: 5 }), ew: fc.integer({ min: 0, max: 5 }) })
  .chain((p) => fc.record({ x: tensorArb([1, 1, p.kh + p.eh, p.kw + p.ew]), k: tensorArb([1, 1, p.kh, p.kw]) }));

export const oracleProperties = [
  defineProperty<PlaneCase>({
    id: 'conv2d.true-convolution',
    operator: 'conv2d',
    family: 'oracle',
    title: 'conv2d with the flipped kernel is true convolution, (f ∗ g)[p, q] = Σ g[a, b]·f[p − a, q − b], valid part',
    clauses: ['corr.true-convolution', 'corr.flip-kernel', 'conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => planeCaseArb,
    predicate: async (adapter, { x, k }) => {
      const [, , h, w] = x.shape as [number, number, number, number];
      const [, , kh, kw] = k.shape as [number, number, number, number];
      const call = conv2dCall({ input: x, weight: flipKernel({ shape: k.shape, data: Float64Array.from(k.data) }), bias: null, options: {} });
      const full = fullConvolution(x.data, h, w, k.data, kh, kw);
      const expected = { shape: [1, 1, h - kh + 1, w - kw + 1], data: validPart(full.data, h, w, kh, kw) };
      // The bound is the declared model's for the call (`num.declaration`); the expected values are independent of it.
      const { bound } = await referenceWithBound(call, adapter);
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, expected, bound, { what: 'conv2d(x, flip(k))', call: describeCall(call), clause: 'corr.true-convolution' });
    },
  }),
  defineProperty<PlaneCase>({
    id: 'conv2d.fft-oracle',
    operator: 'conv2d',
    family: 'oracle',
    title: 'convolution theorem: IFFT(FFT(x)·FFT(k)) (fft.js, zero-padded) equals conv2d(x, flip(k))',
    clauses: ['corr.true-convolution', 'conv.definition'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => planeCaseArb,
    maxRuns: 50,
    predicate: async (adapter, { x, k }) => {
      const [, , h, w] = x.shape as [number, number, number, number];
      const [, , kh, kw] = k.shape as [number, number, number, number];
      const call = conv2dCall({ input: x, weight: flipKernel({ shape: k.shape, data: Float64Array.from(k.data) }), bias: null, options: {} });
      const viaFft = validPart(fftConvolution(x.data, h, w, k.data, kh, kw), h, w, kh, kw);
      const { bound } = await referenceWithBound(call, adapter);
      // The FFT's own float64 error grows like log2(size)·u·‖x‖₁·‖k‖₁ (every output mixes every input).
      const { P, Q } = fftSize(h, w, kh, kw);
      const size = P * Q;
      const l1 = (t: TensorData) => Array.from(t.data).reduce((s, v) => s + Math.abs(v), 0);
      const fftError = 8 * Math.log2(size + 1) * unitRoundoff('float64') * l1(x) * l1(k) * 4;
      const actual = await callOp(adapter, call, [1, 1, h - kh + 1, w - kw + 1]);
      expectClose(actual, { shape: actual.shape, data: viaFft }, (i) => bound(i) + fftError, { what: 'conv2d(x, flip(k)) vs FFT', call: describeCall(call), clause: 'corr.true-convolution' });
    },
  }),
  defineProperty<Conv2dCase>({
    id: 'conv2d.im2col-oracle',
    operator: 'conv2d',
    family: 'oracle',
    title: 'conv2d (groups 1, zero padding, any stride, dilation, bias) equals im2col × weight matrix (ml-matrix)',
    clauses: ['conv.definition', 'conv.stride', 'conv.dilation', 'conv.padding.forms', 'conv.bias'],
    requires: { ops: ['conv2d'] },
    arbitrary: (scale) => conv2dCaseArb({ groups: false, modes: ['zeros'] }, scale),
    caseFeatures: conv2dFeatures,
    maxRuns: 50,
    predicate: async (adapter, c) => {
      const call = conv2dCall(c);
      const g = conv2dGeometry(c.input.shape, c.weight.shape, c.bias?.shape ?? null, c.options);
      const { expected, bound } = await referenceWithBound(call, adapter); // for the bound only
      const viaMatrix = { shape: expected.shape, data: im2colConvolution(c.input, c.weight, c.bias, g) };
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, viaMatrix, bound, { what: 'conv2d vs im2col', call: describeCall(call), clause: 'conv.definition' });
    },
  }),
  defineProperty<{ input: TensorData; weight: TensorData }>({
    id: 'conv2d.pointwise-matrix-product',
    operator: 'conv2d',
    family: 'oracle',
    title: 'a 1×1 conv2d is the matrix product W[O, C] × X[C, H·W] (ml-matrix)',
    clauses: ['conv.definition', 'tensor.layout.nchw', 'tensor.layout.oihw'],
    requires: { ops: ['conv2d'] },
    arbitrary: () => fc
      .record({ n: oneTo(2), c: oneTo(4), o: oneTo(4), h: oneTo(4), w: oneTo(4) })
      .chain((p) => fc.record({ input: tensorArb([p.n, p.c, p.h, p.w]), weight: tensorArb([p.o, p.c, 1, 1]) })),
    predicate: async (adapter, { input, weight }) => {
      const call = conv2dCall({ input, weight, bias: null, options: {} });
      const { expected, bound } = await referenceWithBound(call, adapter);
      const actual = await callOp(adapter, call, expected.shape);
      expectClose(actual, { shape: expected.shape, data: channelMatrixProduct(input, weight) }, bound, { what: 'conv2d 1×1 vs W·X', call: describeCall(call), clause: 'conv.definition' });
    },
  }),
];
