/** Conventions of pooling: the average's divisor, NaN, ceil mode's last window, the empty window (spec/conventions.md). */
import type { AvgPool2dOptions, MaxPool2dOptions } from '../../adapter/contract.js';
import { inputTensor } from '../../operators/callTensors.js';
import { maxPool2d, windowMax } from '../../reference/maxPool2d.js';
import { maxPool2dGeometry, pool2dGrid, type Pool2dGeometry } from '../../shape/pool2dGeometry.js';
import { pairOf } from '../../shape/pair.js';
import type { GeometryAxis } from '../../shape/windowOutputSize.js';
import { forEachWindow } from '../../shape/windowWalker.js';
import { tensor } from '../../tensor/tensor.js';
import { rewrittenCall, rewrittenForward, withOptions, type Convention } from '../convention.js';

const avg = (o: Record<string, unknown>) => o as unknown as AvgPool2dOptions;

export const countIncludePadFalse: Convention = {
  id: 'count-include-pad-false',
  title: 'average pooling divides by the input elements of the window (count_include_pad = false: ONNX AveragePool\'s default)',
  source: 'ONNX AveragePool docs (count_include_pad, default 0); TensorFlow tf.nn.avg_pool (padding is never counted); PyTorch torch.nn.AvgPool2d (count_include_pad=True by default)',
  methods: ['avgPool2d', 'avgPool2dBackward'],
  answer: rewrittenCall((call) => (avg(call.options).countIncludePad === false || avg(call.options).divisorOverride !== undefined ? null : withOptions(call, { countIncludePad: false }))),
};

export const countIncludePadTrue: Convention = {
  id: 'count-include-pad-true',
  title: "average pooling counts the padding in the divisor even when count_include_pad = false is asked (PyTorch's default)",
  source: 'PyTorch torch.nn.AvgPool2d docs (count_include_pad: "when True, will include the zero-padding in the averaging calculation", default True)',
  methods: ['avgPool2d', 'avgPool2dBackward'],
  answer: rewrittenCall((call) => (avg(call.options).countIncludePad !== false || avg(call.options).divisorOverride !== undefined ? null : withOptions(call, { countIncludePad: true }))),
};

export const avgDivisorFullWindow: Convention = {
  id: 'avg-divisor-full-window',
  title: 'average pooling divides by k_h·k_w even for a ceil-mode window cut off by the edge',
  source: 'PyTorch aten/src/ATen/native/cpu/AvgPoolKernel.cpp (the window is clipped to the padded extent first; spec/pooling.md pool.avg.ceil-divisor); Caffe PoolingLayer and early tfjs divide by the full kernel',
  methods: ['avgPool2d'],
  answer: rewrittenForward((call) => {
    const o = avg(call.options);
    if (o.ceilMode !== true || o.countIncludePad === false || o.divisorOverride !== undefined) return null;
    const [kh, kw] = pairOf(o.kernelSize, 1);
    return withOptions(call, { divisorOverride: kh * kw });
  }),
};

export const maxPoolNanIgnored: Convention = {
  id: 'max-pool-nan-ignored',
  title: 'max pooling skips NaN (a plain v > max comparison) instead of propagating it',
  source: "onnxruntime/core/providers/cpu/nn/pool_functors.h MaxPool (running max started at the lowest float, updated on x > max: NaN never wins); PyTorch aten/src/ATen/native/cpu/MaxPoolKernel.cpp propagates it ((val > maxval) || isnan(val)); spec/pooling.md pool.max.nan",
  methods: ['maxPool2d', 'adaptiveMaxPool2d'],
  answer: (call) => {
    const x = call.inputs['input']!;
    if (!Array.from(x.data).some(Number.isNaN)) return null;
    const cleaned = { ...call, inputs: { ...call.inputs, input: { shape: [...x.shape], data: Array.from(x.data, (v) => (Number.isNaN(v) ? -Infinity : v)) } } };
    return rewrittenForward((c) => c)(cleaned, undefined, { dtype: 'float64' });
  },
};

/** One axis with ceil mode's count ⌈span/s⌉ + 1, without dropping a last window that starts in the padding. */
function keptAxis(a: GeometryAxis): GeometryAxis {
  const span = a.size + a.padBefore + a.padAfter - a.dilation * (a.kernel - 1) - 1;
  return { ...a, out: Math.ceil(span / a.stride) + 1 };
}

export const ceilKeepsPaddingWindow: Convention = {
  id: 'ceil-keeps-padding-window',
  title: 'ceil mode keeps a last window that starts in the padding (or past the input)',
  source: "tfjs-core conv_util computeOutputShape2D with dimRoundingMode 'ceil' (rounds up, drops no window; baselines/tfjs.json); PyTorch aten/src/ATen/native/Pool.h pooling_output_shape drops it (spec/pooling.md pool.ceil-mode.last-window)",
  methods: ['maxPool2d'],
  answer: (call) => {
    const o = call.options as unknown as MaxPool2dOptions;
    if (o.ceilMode !== true) return null;
    const input = inputTensor(call, 'input');
    const g0 = maxPool2dGeometry(input.shape, o);
    const g: Pool2dGeometry = { ...g0, h: keptAxis(g0.h), w: keptAxis(g0.w) };
    if (g.h.out === g0.h.out && g.w.out === g0.w.out) return null;
    const out = tensor([g.batch, g.channels, g.h.out, g.w.out]);
    forEachWindow(pool2dGrid(g), (w) => (out.data[w.out] = windowMax(input.data, w, g.w.size).best));
    return { output: out };
  },
};

export const emptyWindowLowestFloat: Convention = {
  id: 'empty-window-lowest-float',
  title: 'max pooling answers the lowest finite float instead of −∞ for a window with no input element (ONNX Runtime)',
  source: 'onnxruntime/core/providers/cpu/nn/pool_functors.h MaxPool (Yh = std::numeric_limits<T>::lowest()); baselines/onnxruntime.json; spec/pooling.md pool.max.empty-window',
  methods: ['maxPool2d'],
  answer: (call, _, { dtype }) => {
    const out = maxPool2d(inputTensor(call, 'input'), call.options as unknown as MaxPool2dOptions);
    if (!out.data.includes(-Infinity)) return null;
    const lowest = dtype === 'float32' ? -3.4028234663852886e38 : -Number.MAX_VALUE;
    return { output: { shape: out.shape, data: out.data.map((v) => (v === -Infinity ? lowest : v)) } };
  },
};
