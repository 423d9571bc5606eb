/**
 * The calls of tfjs's WebAssembly backend whose answer is not tfjs's but whatever the wasm heap holds, refused
 * as `Unsupported` (`kit.protocol.unsupported`: the case is skipped, never passed, failed or errored) so that a
 * run's answers are the same in every run (issue 12).
 *
 * Why: tfjs-backend-wasm hands XNNPACK the pads it was given and an output buffer of tfjs's own shape, while
 * XNNPACK counts its windows itself, floor((E − k_eff)/s) + 1 for the padded extent E = n + p_before + p_after
 * and k_eff = d·(k − 1) + 1, and writes that many, densely at its own width. Two ways the two disagree:
 *  - E < k_eff (a kernel longer than the padded input: spec-invalid in floor mode, §shape.positive, valid in
 *    ceil mode): XNNPACK's count underflows (or is clamped to 1), and its windows read and write outside the
 *    buffers: a trap `memory access out of bounds`, a call that runs for minutes, or a silent write into the
 *    heap that later calls read back as stray values (conv2d.nan-propagation's −∞ for NaN is XNNPACK's clamp,
 *    a deviation of its own; its run-to-run noise was these writes). Pooling and conv2d alike.
 *  - ceil mode (pooling only) with (E − k_eff) not a multiple of s: tfjs counts one window more on that axis
 *    (§shape.window.ceil: ⌈(E − k_eff)/s⌉ + 1), XNNPACK writes one fewer, so the last row or column of tfjs's
 *    output is never written (it holds what the heap held, 2.24e-44 in one run) and the rows XNNPACK did
 *    write are read at tfjs's wider width (§pool.ceil-mode.last-window's window past the input, and the partial
 *    window of `--pool ic16ih16oh8kh3sh2`, get some other window's value).
 * Both shown on tfjs directly in test/adapters-real/webDeviationsTfjsWasm.test.ts. Other ceil-mode calls (a
 * multiple of s) count the same windows on both sides and are answered.
 */
import type { Adapter, AvgPool2dOptions, Conv2dOptions, MaxPool2dOptions, TensorData } from '../../adapter/contract.js';
import { Unsupported } from '../../adapter/unsupported.js';
import { pairOf } from '../../shape/pair.js';
import { tfjsConvSides } from '../tfjs/tfjsOperators.js';

/** One spatial axis as tfjs hands it to XNNPACK: input size, pads on both sides, kernel, stride, dilation. */
export interface XnnpackAxis {
  readonly name: 'height' | 'width';
  readonly size: number;
  readonly pads: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
}

/** Why XNNPACK cannot answer this axis within its buffers, or null when it can. */
export function axisRefusal(axis: XnnpackAxis, ceilMode: boolean): string | null {
  const extent = axis.size + axis.pads;
  const kernel = axis.dilation * (axis.kernel - 1) + 1;
  const padded = `padded ${axis.name} ${axis.size} + ${axis.pads} = ${extent}`;
  if (extent < kernel) {
    return `${padded} < ${axis.dilation === 1 ? '' : 'dilated '}kernel ${axis.name} ${kernel}: XNNPACK's window count underflows and its windows read and write outside the input and output`;
  }
  if (ceilMode && (extent - kernel) % axis.stride !== 0) {
    return `ceilMode with ${padded}, kernel ${kernel}, stride ${axis.stride} ((${extent} − ${kernel}) is not a multiple of ${axis.stride}): tfjs counts ${Math.ceil((extent - kernel) / axis.stride) + 1} windows, XNNPACK writes ${Math.floor((extent - kernel) / axis.stride) + 1}, so part of the output is never written`;
  }
  return null;
}

/** The spatial axes of an NCHW input with the given per-axis pads, kernel, stride and dilation. */
function axes(input: TensorData, pads: [number, number], kernel: [number, number], stride: [number, number], dilation: [number, number]): XnnpackAxis[] {
  const [, , h = 0, w = 0] = input.shape;
  return [
    { name: 'height', size: h, pads: pads[0], kernel: kernel[0], stride: stride[0], dilation: dilation[0] },
    { name: 'width', size: w, pads: pads[1], kernel: kernel[1], stride: stride[1], dilation: dilation[1] },
  ];
}

/** A pool's axes: symmetric pads (countIncludePad's tf.pad first moves them into the input: the same extent). */
export function poolAxes(input: TensorData, opts: MaxPool2dOptions | AvgPool2dOptions): XnnpackAxis[] {
  const kernel = pairOf(opts.kernelSize, 1);
  const [ph, pw] = pairOf(opts.padding, 0);
  const dilation = 'dilation' in opts ? pairOf(opts.dilation, 1) : ([1, 1] as [number, number]);
  return axes(input, [2 * ph, 2 * pw], kernel, opts.stride === undefined ? kernel : pairOf(opts.stride, 0), dilation);
}

/** conv2d's axes with the sides the adapter hands tfjs (reflect padding is tf.mirrorPad first: the same extent). */
export function conv2dAxes(input: TensorData, weight: TensorData, opts: Conv2dOptions = {}): XnnpackAxis[] {
  const [, , kh = 1, kw = 1] = weight.shape;
  const s = tfjsConvSides(opts, kh, kw);
  return axes(input, [s.top + s.bottom, s.left + s.right], [kh, kw], pairOf(opts.stride, 1), pairOf(opts.dilation, 1));
}

/** The first refusal among the axes, as the reason an Unsupported carries. */
function refusal(op: string, axesOfCall: readonly XnnpackAxis[], ceilMode: boolean): string | null {
  for (const axis of axesOfCall) {
    const why = axisRefusal(axis, ceilMode);
    if (why !== null) return `tfjs-backend-wasm ${op}: ${why} (test/adapters-real/webDeviationsTfjsWasm.test.ts)`;
  }
  return null;
}

export function poolRefusal(op: string, input: TensorData, opts: MaxPool2dOptions | AvgPool2dOptions): string | null {
  return refusal(op, poolAxes(input, opts), opts.ceilMode === true);
}

export function conv2dRefusal(input: TensorData, weight: TensorData, opts?: Conv2dOptions): string | null {
  return refusal('conv2d', conv2dAxes(input, weight, opts), false);
}

export function corr2dRefusal(x: TensorData, k: TensorData): string | null {
  // corr2d is tfjs's conv2d on [1, 1, H, W] without padding (../tfjs/buildTfjsAdapter.ts).
  const [h = 0, w = 0] = x.shape;
  const [kh = 1, kw = 1] = k.shape;
  return refusal('corr2d', axes({ shape: [1, 1, h, w], data: [] }, [0, 0], [kh, kw], [1, 1], [1, 1]), false);
}

/**
 * The adapter with those calls refused: pools forward and backward (tf.grads runs the forward kernel first),
 * conv2d and corr2d forward (the convolution gradients are not offered on wasm: withoutMissingKernels.ts).
 */
export function refusingOutOfBoundsWindows(adapter: Adapter): Adapter {
  const { conv2d, corr2d, maxPool2d, avgPool2d, maxPool2dBackward, avgPool2dBackward } = adapter;
  const refuse = (reason: string | null) => {
    if (reason !== null) throw new Unsupported(reason);
  };
  return {
    ...adapter,
    ...(corr2d && { corr2d: (x, k) => (refuse(corr2dRefusal(x, k)), corr2d(x, k)) }),
    ...(conv2d && { conv2d: (x, w, b, o) => (refuse(conv2dRefusal(x, w, o)), conv2d(x, w, b, o)) }),
    ...(maxPool2d && { maxPool2d: (x, o) => (refuse(poolRefusal('maxPool2d', x, o)), maxPool2d(x, o)) }),
    ...(avgPool2d && { avgPool2d: (x, o) => (refuse(poolRefusal('avgPool2d', x, o)), avgPool2d(x, o)) }),
    ...(maxPool2dBackward && { maxPool2dBackward: (x, g, o) => (refuse(poolRefusal('maxPool2dBackward', x, o)), maxPool2dBackward(x, g, o)) }),
    ...(avgPool2dBackward && { avgPool2dBackward: (x, g, o) => (refuse(poolRefusal('avgPool2dBackward', x, o)), avgPool2dBackward(x, g, o)) }),
  };
}
