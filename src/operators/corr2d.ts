/** The notes' corr2d(X, K): the valid cross-correlation of one plane with one kernel (spec/correlation.md). */
import { corr2d, corr2dWithAbsSum } from '../reference/corr2d.js';
import { corr2dCall, matrixCaseArb } from '../../properties/arbitraries/corr2dCase.js';
import { inputTensor } from './callTensors.js';
import { fingerprintCallsOf, planesSideBySide } from './fingerprintCases.js';
import type { OperatorRecord } from './operatorRecord.js';
import { tensor } from './signature.js';

export const corr2dOperator: OperatorRecord = {
  name: 'corr2d',
  id: 'corr2d',
  inputs: ['x', 'k'],
  signature: [tensor('x'), tensor('k')],
  reference: (call) => corr2d(inputTensor(call, 'x'), inputTensor(call, 'k')),
  referenceWithAbsSum: (call) => corr2dWithAbsSum(inputTensor(call, 'x'), inputTensor(call, 'k')),
  outputShape: (call) => {
    const [h = 0, w = 0] = call.inputs['x']?.shape ?? [];
    const [kh = 0, kw = 0] = call.inputs['k']?.shape ?? [];
    return [h - kh + 1, w - kw + 1];
  },
  shapeClause: 'corr.shape',
  terms: (call) => {
    const [kh = 1, kw = 1] = call.inputs['k']!.shape;
    return kh * kw;
  },
  features: () => [],
  cases: () => matrixCaseArb.map(corr2dCall),
  // One plane and one kernel: no batch, channels, stride or dilation, no padding (`corr.definition`).
  configuration: (call) => {
    const [kh = 1, kw = 1] = call.inputs['k']?.shape ?? [];
    return { axes: [{ kernel: kh }, { kernel: kw }], padding: 'valid' };
  },
  outputShapeProperty: { title: 'corr2d output shape = [H − kh + 1, W − kw + 1]', clauses: ['corr.shape'] },
  definition: { title: 'corr2d equals the float64 reference within the tolerance model', clauses: ['corr.definition', 'corr.shape', 'num.tolerance', 'num.declaration', 'num.bound.winograd', 'num.bound.fft'] },
  exactIntegers: {
    title: 'corr2d on small integers whose sums are exact in the declared formats matches the reference bit for bit (direct summation)',
    clauses: ['num.exact-integers', 'num.values.exact', 'num.values.exact.fill', 'num.declaration', 'num.bound.winograd', 'num.bound.fft', 'corr.definition'],
  },
  // One plane: the case's channels side by side along the width (x [H, C·W], K [k, C·k]), so every output still sums
  // C·k·k products; the positive cases' single output sums them all.
  fingerprintCalls: () => fingerprintCallsOf((input, weight) => ({ op: 'corr2d', inputs: { x: planesSideBySide(input), k: planesSideBySide(weight) }, options: {} })),
};
