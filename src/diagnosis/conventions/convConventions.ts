/** Conventions of convolution: the kernel's orientation, which axis a pair means, 'same', output_padding (spec/conventions.md). */
import type { Conv2dOptions, Pads } from '../../adapter/contract.js';
import type { OperatorCall } from '../../adapter/operatorCall.js';
import { pairOf } from '../../shape/pair.js';
import { dilatedExtent } from '../../shape/windowOutputSize.js';
import { resolveConvPadding } from '../../shape/conv2dGeometry.js';
import { rewrittenForward, swappedPair, withOptions, type Convention } from '../convention.js';

/** The weight (OIHW, or the corr2d kernel) flipped along its last two axes. */
function flippedLastTwo(call: OperatorCall, name: string): OperatorCall {
  const w = call.inputs[name]!;
  const kh = w.shape[w.shape.length - 2]!, kw = w.shape[w.shape.length - 1]!;
  const data = Array.from(w.data, (_, i) => {
    const plane = Math.floor(i / (kh * kw)), a = Math.floor((i % (kh * kw)) / kw), b = i % kw;
    return w.data[plane * kh * kw + (kh - 1 - a) * kw + (kw - 1 - b)]!;
  });
  return { ...call, inputs: { ...call.inputs, [name]: { shape: [...w.shape], data } } };
}

export const trueConvolution: Convention = {
  id: 'true-convolution',
  title: 'true convolution: the kernel is flipped (the spec, like PyTorch, computes a cross-correlation)',
  source: 'PyTorch torch.nn.Conv2d docs ("⋆ is the valid 2D cross-correlation operator"); d2l notes 001 §1 (corr2d vs convolution); scipy.signal.convolve2d flips',
  methods: ['conv2d', 'corr2d'],
  answer: rewrittenForward((call) => flippedLastTwo(call, call.op === 'corr2d' ? 'k' : 'weight')),
};

/** [ph, pw] as [pw, ph], explicit sides top/bottom ↔ left/right; null when that changes nothing. */
function swappedPadding(padding: unknown): unknown {
  if (typeof padding === 'object' && padding !== null && !Array.isArray(padding)) {
    const p = padding as Pads;
    if (p.top === p.left && p.bottom === p.right) return null;
    return { top: p.left, bottom: p.right, left: p.top, right: p.bottom };
  }
  return swappedPair(padding);
}

/**
 * conv2d's padding as the explicit sides an implementation resolves it to first ('same' included, `conv.padding.same`):
 * the swap happens after resolving, so 'same' with a non-square kernel is swapped too.
 */
function resolvedPadding(call: OperatorCall): unknown {
  const o = call.options as Conv2dOptions;
  if (call.op !== 'conv2d' || typeof o.padding !== 'string') return o.padding;
  const w = call.inputs['weight']!.shape;
  return resolveConvPadding('conv2d', o.padding, [w[2]!, w[3]!], pairOf(o.dilation, 1), pairOf(o.stride, 1));
}

export const paddingAxesSwapped: Convention = {
  id: 'padding-axes-swapped',
  title: 'padding axes swapped: [ph, pw] is applied as [pw, ph]',
  source: "notes 004 (the swapped-padding bug, examples/swapped-padding-adapter.ts); PyTorch F.pad orders pads last axis first (left, right, top, bottom), torch.nn.Conv2d padding=(ph, pw) first axis first",
  methods: ['conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d'],
  answer: rewrittenForward((call) => {
    const padding = swappedPadding(resolvedPadding(call));
    return padding === null ? null : withOptions(call, { padding });
  }),
};

export const strideSwapped: Convention = {
  id: 'stride-swapped',
  title: 'stride axes swapped: [sh, sw] is applied as [sw, sh]',
  source: 'PyTorch torch.nn.Conv2d ("stride (int or tuple)": (sH, sW), height first); TensorFlow tf.nn.conv2d strides [1, stride_h, stride_w, 1] (NHWC): an index-order mix-up between the two',
  methods: ['conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d'],
  answer: rewrittenForward((call) => {
    const stride = swappedPair(call.options['stride']);
    return stride === null ? null : withOptions(call, { stride });
  }),
};

/** 'same' as explicit sides by `split(total, axis)` → [before, after]. */
function samePads(call: OperatorCall, split: (axis: 0 | 1, kernel: number, dilation: number, stride: number, size: number) => [number, number] | null): Pads | null {
  const o = call.options as Conv2dOptions;
  if (o.padding !== 'same') return null;
  const w = call.inputs['weight']!.shape, x = call.inputs['input']!.shape;
  const d = pairOf(o.dilation, 1), s = pairOf(o.stride, 1);
  const h = split(0, w[2]!, d[0], s[0], x[2]!), v = split(1, w[3]!, d[1], s[1], x[3]!);
  return h === null || v === null ? null : { top: h[0], bottom: h[1], left: v[0], right: v[1] };
}

export const sameExtraTopLeft: Convention = {
  id: 'same-extra-top-left',
  title: "'same' puts the odd extra row and column at the top and left (ONNX SAME_LOWER), not at the bottom and right",
  source: 'ONNX Conv auto_pad ("SAME_LOWER: the extra padding is added at the beginning"; onnx/reference/ops/op_pool_common.py get_pad_with_auto_pad); notes 001 §2.1 (spec/conv2d.md conv.padding.same.notes)',
  methods: ['conv2d'],
  answer: rewrittenForward((call) => {
    // Per axis ⌈total/2⌉ before, ⌊total/2⌋ after; an axis with an even total is split as the spec splits it.
    const pads = samePads(call, (_, k, d, s) => (s === 1 ? [Math.ceil((d * (k - 1)) / 2), Math.floor((d * (k - 1)) / 2)] : null));
    if (pads === null || (pads.top === pads.bottom && pads.left === pads.right)) return null;
    return withOptions(call, { padding: pads, stride: pairOf((call.options as Conv2dOptions).stride, 1) });
  }),
};

/**
 * TensorFlow's 'SAME' (tensorflow/core/framework/kernel_shape_util.cc GetWindowedOutputSizeVerbose): out = ⌈n/s⌉,
 * total = max((out − 1)·s + d(k − 1) + 1 − n, 0), ⌊total/2⌋ before and the rest after. At stride 1 it is PyTorch's
 * 'same'; it differs where PyTorch refuses 'same' (stride > 1, `conv.padding.same`).
 */
export const tfSamePadding: Convention = {
  id: 'tf-same-padding',
  title: "TensorFlow 'SAME': out = ⌈n/s⌉ for any stride, the padding depending on the input size (PyTorch allows 'same' only at stride 1)",
  source: 'TensorFlow tf.nn.convolution docs (SAME: output_spatial_shape = ceil(input_spatial_shape / strides)); tensorflow/core/framework/kernel_shape_util.cc; ONNX SAME_UPPER (baselines/onnxruntime.json)',
  methods: ['conv2d'],
  answer: rewrittenForward((call) => {
    const pads = samePads(call, (_, k, d, s, n) => {
      if (s === 1) return null;
      const total = Math.max((Math.ceil(n / s) - 1) * s + dilatedExtent(k, d) - n, 0);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    });
    return pads === null ? null : withOptions(call, { padding: pads });
  }),
};

export const outputPaddingIgnored: Convention = {
  id: 'output-padding-ignored',
  title: 'convTranspose2d ignores output_padding (the output is output_padding rows and columns short)',
  source: 'PyTorch torch.nn.ConvTranspose2d docs (output_padding "additional size added to one side of each dimension in the output shape"); ONNX ConvTranspose output_padding; spec/conv-transpose2d.md convt.output-padding',
  methods: ['convTranspose2d'],
  answer: rewrittenForward((call) => {
    const [a, b] = pairOf(call.options['outputPadding'] as number | [number, number] | undefined, 0);
    return a === 0 && b === 0 ? null : withOptions(call, { outputPadding: [0, 0] });
  }),
};
