/**
 * benchdnn's per-axis arithmetic for a descriptor (spec/shape-descriptors.md, `kit.descriptor.output`), in
 * convkit's dilation (d ≥ 1; benchdnn writes d − 1). All window counts go through src/shape/windowOutputSize.ts,
 * the one window formula; only benchdnn's padding deduction is new here.
 */
import { dilatedExtent, transposedOutputSize, windowOutputSize } from '../windowOutputSize.js';
import type { DescriptorAxis, DescriptorOperator } from './problemDescriptor.js';

type AxisWindow = Omit<DescriptorAxis, 'output'>;

/**
 * The output extent benchdnn computes when the line gives no `oh`: for conv and pools the floor count with the
 * padding on both sides (`shape.window`); for deconv the transposed size without output padding
 * (`shape.conv-transpose`). Example: ih224 kh7 sh2 ph3 gives ⌊(224 + 6 − 7)/2⌋ + 1 = 112.
 */
export function deducedOutput(op: DescriptorOperator, a: AxisWindow): number {
  if (op === 'convTranspose2d') return transposedOutputSize(a.input, a.kernel, a.stride, a.dilation, a.padding, 0);
  return windowOutputSize({ size: a.input, kernel: a.kernel, stride: a.stride, dilation: a.dilation, padBefore: a.padding, padAfter: a.padding });
}

/**
 * The padding benchdnn deduces when the line gives `oh` but no `ph`: half the padding the output needs,
 * truncated toward zero as C's integer division does. conv and pools: ((o − 1)s − i + e)/2; deconv:
 * ((i − 1)s − o + e)/2, with e = d(k − 1) + 1. Example: pool ih112 oh56 kh3 sh2 gives (110 − 112 + 3)/2 → 0.
 */
export function deducedPadding(op: DescriptorOperator, a: Omit<AxisWindow, 'padding'> & { readonly output: number }): number {
  const e = dilatedExtent(a.kernel, a.dilation);
  const twice = op === 'convTranspose2d' ? (a.input - 1) * a.stride - a.output + e : (a.output - 1) * a.stride - a.input + e;
  return Math.trunc(twice / 2) || 0; // || 0: trunc(−1/2) is −0
}

/**
 * conv2d: the padding after (bottom or right) that makes `output` windows, (o − 1)s − i + e − p — benchdnn's
 * `init_pad_r`. Only used when `output` differs from the symmetric count; it may be negative (then invalid).
 */
export function convPaddingAfter(a: DescriptorAxis): number {
  return (a.output - 1) * a.stride - a.input + dilatedExtent(a.kernel, a.dilation) - a.padding;
}

/** convTranspose2d: the output padding `output` asks for, o − ((i − 1)s − 2p + d(k − 1) + 1) (`convt.output-padding`). */
export function deconvOutputPadding(a: DescriptorAxis): number {
  return a.output - transposedOutputSize(a.input, a.kernel, a.stride, a.dilation, a.padding, 0);
}

/** Pools: the window count with the padding on both sides, in floor or ceil mode (`shape.window.ceil`). */
export function poolOutput(a: AxisWindow, ceilMode: boolean): number {
  return windowOutputSize({ size: a.input, kernel: a.kernel, stride: a.stride, dilation: a.dilation, padBefore: a.padding, padAfter: a.padding, ceilMode });
}
