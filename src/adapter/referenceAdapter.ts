/**
 * The reference, exposed through the adapter contract so every check runs on it exactly as on any other
 * implementation. Arguments are validated at the boundary (`tensor.data.length`) and results are Float64Array.
 */
import type { Adapter, Conv2dGradients, TensorData } from './contract.js';
import { toTensor, toTensorData } from '../tensor/tensorData.js';
import { corr2d } from '../reference/corr2d.js';
import { conv2d } from '../reference/conv2d.js';
import { convTranspose2d } from '../reference/convTranspose2d.js';
import { pad2d } from '../reference/pad2d.js';
import { maxPool2d } from '../reference/maxPool2d.js';
import { avgPool2d } from '../reference/avgPool2d.js';
import { conv2dBackward, type Conv2dTensorGradients } from '../reference/conv2dBackward.js';
import { convTranspose2dBackward } from '../reference/convTranspose2dBackward.js';
import { maxPool2dBackward } from '../reference/maxPool2dBackward.js';
import { avgPool2dBackward } from '../reference/avgPool2dBackward.js';
import { pad2dBackward } from '../reference/pad2dBackward.js';

const optionalTensor = (value: TensorData | null | undefined, op: string, argument: string) =>
  value === null || value === undefined ? null : toTensor(value, op, argument);

/** The bias gradient is present exactly when the forward had a bias (`grad.conv2d.bias`). */
const gradientsData = (g: Conv2dTensorGradients): Conv2dGradients =>
  g.bias === undefined
    ? { input: toTensorData(g.input), weight: toTensorData(g.weight) }
    : { input: toTensorData(g.input), weight: toTensorData(g.weight), bias: toTensorData(g.bias) };

export const reference: Adapter = {
  name: 'reference',
  dtype: 'float64',
  corr2d: (x, k) => toTensorData(corr2d(toTensor(x, 'corr2d', 'x'), toTensor(k, 'corr2d', 'k'))),
  conv2d: (input, weight, bias, opts) =>
    toTensorData(conv2d(toTensor(input, 'conv2d', 'input'), toTensor(weight, 'conv2d', 'weight'), optionalTensor(bias, 'conv2d', 'bias'), opts)),
  convTranspose2d: (input, weight, bias, opts) =>
    toTensorData(
      convTranspose2d(toTensor(input, 'convTranspose2d', 'input'), toTensor(weight, 'convTranspose2d', 'weight'), optionalTensor(bias, 'convTranspose2d', 'bias'), opts),
    ),
  pad2d: (input, pads, mode, value) => toTensorData(pad2d(toTensor(input, 'pad2d', 'input'), pads, mode, value)),
  maxPool2d: (input, opts) => toTensorData(maxPool2d(toTensor(input, 'maxPool2d', 'input'), opts)),
  avgPool2d: (input, opts) => toTensorData(avgPool2d(toTensor(input, 'avgPool2d', 'input'), opts)),
  conv2dBackward: (input, weight, bias, gradOutput, opts) => {
    const op = 'conv2dBackward';
    return gradientsData(conv2dBackward(toTensor(input, op, 'input'), toTensor(weight, op, 'weight'), optionalTensor(bias, op, 'bias'), toTensor(gradOutput, op, 'gradOutput'), opts));
  },
  convTranspose2dBackward: (input, weight, bias, gradOutput, opts) => {
    const op = 'convTranspose2dBackward';
    return gradientsData(convTranspose2dBackward(toTensor(input, op, 'input'), toTensor(weight, op, 'weight'), optionalTensor(bias, op, 'bias'), toTensor(gradOutput, op, 'gradOutput'), opts));
  },
  maxPool2dBackward: (input, gradOutput, opts) =>
    toTensorData(maxPool2dBackward(toTensor(input, 'maxPool2dBackward', 'input'), toTensor(gradOutput, 'maxPool2dBackward', 'gradOutput'), opts)),
  avgPool2dBackward: (input, gradOutput, opts) =>
    toTensorData(avgPool2dBackward(toTensor(input, 'avgPool2dBackward', 'input'), toTensor(gradOutput, 'avgPool2dBackward', 'gradOutput'), opts)),
  pad2dBackward: (input, gradOutput, pads, mode) =>
    toTensorData(pad2dBackward(toTensor(input, 'pad2dBackward', 'input').shape, toTensor(gradOutput, 'pad2dBackward', 'gradOutput'), pads, mode)),
};
