/**
 * The reference, exposed through the adapter contract so every check runs on it exactly as on any other
 * implementation. Arguments are validated at the boundary (`tensor.data.length`) and results are Float64Array.
 */
import type { Adapter, TensorData } from './contract.js';
import { toTensor, toTensorData } from '../tensor/tensorData.js';
import { corr2d } from '../reference/corr2d.js';
import { conv2d } from '../reference/conv2d.js';
import { convTranspose2d } from '../reference/convTranspose2d.js';
import { pad2d } from '../reference/pad2d.js';
import { maxPool2d } from '../reference/maxPool2d.js';
import { avgPool2d } from '../reference/avgPool2d.js';

const optionalTensor = (value: TensorData | null | undefined, op: string, argument: string) =>
  value === null || value === undefined ? null : toTensor(value, op, argument);

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
};
