/**
 * Every autograd operation's backward rule against central finite differences of the autograd's own forward
 * (`grad.gradcheck`), one at a time and composed.
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../src/tensor/tensor.js';
import { constant, parameter, type Value } from '../../src/autograd/value.js';
import { add } from '../../src/autograd/ops/add.js';
import { sub } from '../../src/autograd/ops/sub.js';
import { mul } from '../../src/autograd/ops/mul.js';
import { pow, square } from '../../src/autograd/ops/pow.js';
import { mean, sum } from '../../src/autograd/ops/sum.js';
import { reshape } from '../../src/autograd/ops/reshape.js';
import { transpose } from '../../src/autograd/ops/transpose.js';
import { conv2d } from '../../src/autograd/ops/conv2d.js';
import { convTranspose2d } from '../../src/autograd/ops/convTranspose2d.js';
import { pad2d } from '../../src/autograd/ops/pad2d.js';
import { maxPool2d } from '../../src/autograd/ops/maxPool2d.js';
import { avgPool2d } from '../../src/autograd/ops/avgPool2d.js';
import { firstMismatch, numericGradient } from './numericGradient.js';

/** Distinct, tie-free values (element i gets i/1024 added), so max pooling is differentiable at the point. */
const values = (shape: number[], offset = 0): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(shape, Array.from({ length: n }, (_, i) => Math.sin(3 * i + offset) + i / 1024));
};

/** The loss Σ f(x)·v for a fixed random-looking v, so every output element's gradient matters. */
function checkOp(name: string, shape: number[], f: (x: Value) => Value) {
  it(`${name}: autograd gradient matches central finite differences`, () => {
    const x0 = values(shape);
    const outShape = f(constant(x0)).shape;
    const v = constant(values([...outShape], 7));
    const loss = (x: Value) => sum(mul(f(x), v));
    const x = parameter(tensor(x0.shape, x0.data));
    loss(x).backward();
    const numeric = numericGradient((t) => loss(constant(t)).data.data[0]!, x0);
    const bad = firstMismatch(x.grad, numeric);
    expect(bad, `grad[${bad}]=${x.grad[bad]}, but should be ${numeric[bad]} [${name}] §grad.gradcheck`).toBe(-1);
  });
}

describe('autograd operations (grad.vjp, grad.gradcheck)', () => {
  const other = constant(values([2, 3], 11));
  checkOp('add', [2, 3], (x) => add(x, other));
  checkOp('sub (both sides)', [2, 3], (x) => sub(other, sub(x, other)));
  checkOp('mul', [2, 3], (x) => mul(x, mul(x, other)));
  checkOp('mul by a one-element operand (broadcast)', [1], (x) => mul(other, x));
  checkOp('add with a one-element operand (broadcast)', [2, 3], (x) => add(x, reshape(sum(x), [1])));
  checkOp('pow(3)', [2, 3], (x) => pow(x, 3));
  checkOp('square', [2, 3], (x) => square(x));
  checkOp('mean', [2, 3], (x) => reshape(mean(x), [1]));
  checkOp('reshape', [2, 3], (x) => mul(reshape(x, [3, 2]), constant(values([3, 2], 5))));
  checkOp('transpose of the last two axes', [2, 2, 3], (x) => mul(transpose(x), constant(values([2, 3, 2], 5))));
  checkOp('conv2d with bias, stride, dilation, groups, reflect padding (grad.conv2d.input)', [1, 4, 5, 6], (x) =>
    conv2d(x, constant(values([4, 2, 2, 3], 1)), constant(values([4], 2)), { stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2, paddingMode: 'reflect' }));
  checkOp('conv2d in its weight, circular padding (grad.conv2d.weight)', [2, 2, 2, 2], (w) =>
    conv2d(constant(values([1, 2, 4, 5], 3)), w, null, { padding: { top: 1, bottom: 0, left: 2, right: 1 }, paddingMode: 'circular' }));
  checkOp('conv2d in its bias, same padding (grad.conv2d.bias)', [3], (b) => conv2d(constant(values([2, 1, 4, 4], 3)), constant(values([3, 1, 2, 3], 4)), b, { padding: 'same' }));
  checkOp('convTranspose2d (grad.conv-transpose2d)', [1, 2, 3, 3], (x) =>
    convTranspose2d(x, constant(values([2, 2, 3, 2], 1)), constant(values([4], 9)), { stride: [2, 3], padding: 1, outputPadding: [1, 0], dilation: [1, 2], groups: 2 }));
  checkOp('convTranspose2d in its weight', [2, 3, 2, 2], (w) => convTranspose2d(constant(values([1, 2, 3, 3], 2)), w, null, { stride: 2 }));
  for (const mode of ['constant', 'reflect', 'replicate', 'circular'] as const) {
    checkOp(`pad2d ${mode}, one side cropping (grad.pad2d)`, [1, 2, 4, 5], (x) => pad2d(x, { top: 2, bottom: -1, left: 3, right: 1 }, mode, 0.5));
  }
  checkOp('maxPool2d with padding, dilation and ceil mode (grad.max-pool2d)', [1, 2, 6, 7], (x) => maxPool2d(x, { kernelSize: [3, 2], stride: 2, padding: 1, dilation: [1, 2], ceilMode: true }));
  checkOp('avgPool2d, count_include_pad and ceil mode (grad.avg-pool2d)', [1, 2, 5, 6], (x) => avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }));
  checkOp('a composition: avgPool(maxPool(conv(pad(x))))² summed', [1, 2, 6, 6], (x) =>
    square(avgPool2d(maxPool2d(conv2d(pad2d(x, { top: 1, bottom: 1, left: 1, right: 1 }, 'replicate'), constant(values([3, 2, 3, 3], 1)), null), { kernelSize: 2, stride: 1 }), { kernelSize: 2, countIncludePad: false })));
});
