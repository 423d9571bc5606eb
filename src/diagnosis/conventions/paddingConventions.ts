/** Conventions of padding modes: reflect read as numpy's 'symmetric', replicate read as zeros (spec/conventions.md). */
import type { Conv2dOptions, Pads } from '../../adapter/contract.js';
import type { OperatorCall } from '../../adapter/operatorCall.js';
import { conv2d } from '../../reference/conv2d.js';
import { inputTensor, optionalInputTensor } from '../../operators/callTensors.js';
import { pad2d } from '../../reference/pad2d.js';
import { resolveConvPadding } from '../../shape/conv2dGeometry.js';
import { pairOf } from '../../shape/pair.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import { rewrittenForward, withOptions, type Convention } from '../convention.js';

/**
 * numpy.pad mode 'symmetric': the mirror repeats the edge ([1, 2, 3] padded by 2 is [2, 1, 1, 2, 3, 3, 2]), where
 * 'reflect' does not ([3, 2, 1, 2, 3, 2, 1]; `pad.reflect`). Position i < 0 reads −i − 1, i ≥ n reads 2n − 1 − i.
 */
function symmetricPad(x: Tensor, p: Pads): Tensor {
  const [n, c, h, w] = x.shape.length === 4 ? (x.shape as [number, number, number, number]) : [1, 1, x.shape[0]!, x.shape[1]!];
  if (Math.min(p.top, p.bottom, p.left, p.right) < 0 || Math.max(p.top, p.bottom) > h || Math.max(p.left, p.right) > w) throw new RangeError('symmetric padding needs 0 ≤ pad ≤ size');
  const src = (i: number, size: number) => (i < 0 ? -i - 1 : i >= size ? 2 * size - 1 - i : i);
  const oh = h + p.top + p.bottom, ow = w + p.left + p.right;
  const out = tensor(x.shape.length === 4 ? [n, c, oh, ow] : [oh, ow]);
  for (let q = 0; q < n * c; q++) {
    for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) out.data[(q * oh + i) * ow + j] = x.data[(q * h + src(i - p.top, h)) * w + src(j - p.left, w)]!;
  }
  return out;
}

export const reflectSymmetric: Convention = {
  id: 'reflect-symmetric',
  title: "reflect padding mirrors with the edge repeated (numpy 'symmetric', TensorFlow MirrorPad SYMMETRIC) instead of without it",
  source: "numpy.pad docs (mode 'symmetric': \"reflection of the vector mirrored along the edge\", 'reflect': \"not including the edge\"); tf.pad / MirrorPad mode SYMMETRIC; PyTorch ReflectionPad2d; spec/padding.md pad.reflect",
  methods: ['pad2d', 'conv2d'],
  answer: (call) => {
    if (call.op === 'pad2d') {
      if (call.options['mode'] !== 'reflect') return null;
      return { output: symmetricPad(inputTensor(call, 'input'), call.options['pads'] as Pads) };
    }
    const o = call.options as Conv2dOptions;
    if (o.paddingMode !== 'reflect') return null;
    const weight = inputTensor(call, 'weight');
    const pads = resolveConvPadding('conv2d', o.padding, [weight.shape[2]!, weight.shape[3]!], pairOf(o.dilation, 1), pairOf(o.stride, 1));
    const padded = symmetricPad(inputTensor(call, 'input'), pads);
    return { output: conv2d(padded, weight, optionalInputTensor(call, 'bias'), { ...o, padding: 'valid', paddingMode: 'zeros' }) };
  },
};

export const replicateAsZeros: Convention = {
  id: 'replicate-as-zeros',
  title: 'replicate padding is applied as zero padding',
  source: 'PyTorch torch.nn.ReplicationPad2d / F.pad mode "replicate" (the edge value is repeated) against the default zero padding; ONNX Pad mode "edge"',
  methods: ['pad2d', 'conv2d'],
  answer: (call: OperatorCall) => {
    if (call.op === 'pad2d') {
      if (call.options['mode'] !== 'replicate') return null;
      return { output: pad2d(inputTensor(call, 'input'), call.options['pads'] as Pads, 'constant', 0) };
    }
    return (call.options as Conv2dOptions).paddingMode === 'replicate' ? rewrittenForward((c) => withOptions(c, { paddingMode: 'zeros' }))(call, undefined, { dtype: 'float64' }) : null;
  },
};
