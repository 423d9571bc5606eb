/**
 * The one window formula. Conv2d, both pools, the properties and the runner all call it
 * (spec/shapes.md, `shape.window`, `shape.window.ceil`, `pool.ceil-mode.last-window`).
 *
 * Derivation. Pad the input of size n with `padBefore` and `padAfter` elements: the padded axis has
 * n + padBefore + padAfter positions. A dilated kernel of size k spans e = d·(k − 1) + 1 of them. Window
 * number o starts at o·s (in padded coordinates) and fits while o·s + e ≤ n + padBefore + padAfter, so the
 * valid starts are o = 0 … ⌊(n + padBefore + padAfter − e) / s⌋, which is
 *
 *     out = ⌊(n + padBefore + padAfter − d·(k − 1) − 1) / s⌋ + 1.
 *
 * Ceil mode (pooling only) also keeps a last, partial window that runs past the padded end:
 *
 *     out = ⌈(n + padBefore + padAfter − d·(k − 1) − 1) / s⌉ + 1,
 *
 * except that a window which would *start* in the right padding (or beyond) is dropped:
 * if (out − 1)·s ≥ n + padBefore, then out − 1. This is PyTorch's `pooling_output_shape` (aten/src/ATen/native/
 * Pool.h) and ONNX's rule "windows that would start in the right padded region are ignored".
 *
 * Worked example: n = 5, k = 2, s = 2, no padding, ceil mode. Floor gives ⌊3/2⌋ + 1 = 2 windows (starts 0, 2);
 * ceil gives ⌈3/2⌉ + 1 = 3 (starts 0, 2, 4; the last covers element 4 and one position past the end). Its start
 * 4 < n = 5, so it is kept. With n = 4, k = 2, s = 2, padding 1 on both sides: the span is 4 + 2 − 1 − 1 = 4 and
 * ceil gives ⌈4/2⌉ + 1 = 3 windows starting at −1, 1, 3 in input coordinates; then (3 − 1)·2 = 4 ≥ n + padBefore
 * = 5 is false, so the third window (which starts inside the input, at 3) is kept. With n = 3 the span is 3
 * and ⌈3/2⌉ + 1 = 3, but (3 − 1)·2 = 4 ≥ 3 + 1: the third window would start at input position 3, which is the
 * right padding, so it is dropped and out = 2.
 *
 * In ceil mode the span may be negative (a window larger than the padded input): ⌈span/s⌉ + 1 is then 1 when
 * s > −span, one window that starts inside and runs past the end, as PyTorch computes it.
 *
 * Returns the count, which may be ≤ 0 when the kernel does not fit; callers turn that into an `E_EMPTY` error
 * (`shape.positive`).
 */
export interface WindowAxis {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
  readonly padAfter: number;
  readonly ceilMode?: boolean;
}

/**
 * One spatial axis of a resolved window operator: its input size, window parameters and output count. The
 * geometries hold one per axis (`h`, `w`), so an operator of another rank changes the number of axes, not the
 * code that reads them.
 */
export interface GeometryAxis extends WindowAxis {
  readonly out: number;
}

/** An axis with its output count computed by the window formula. */
export function geometryAxis(axis: WindowAxis): GeometryAxis {
  return { ...axis, out: windowOutputSize(axis) };
}

export function windowOutputSize(axis: WindowAxis): number {
  const { size, kernel, stride, dilation, padBefore, padAfter } = axis;
  const span = size + padBefore + padAfter - dilation * (kernel - 1) - 1;
  if (!axis.ceilMode) return Math.floor(span / stride) + 1;
  let out = Math.ceil(span / stride) + 1;
  if ((out - 1) * stride >= size + padBefore) out -= 1;
  return out;
}

/** The extent a dilated kernel covers: d·(k − 1) + 1 (spec/shapes.md, `shape.window`). */
export function dilatedExtent(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

/**
 * Output size of a transposed convolution along one axis (spec/shapes.md, `shape.conv-transpose`):
 * (n − 1)·s − 2p + d·(k − 1) + outputPadding + 1 — the smallest input size whose convolution with the same
 * parameters has n outputs (the largest is s − 1 more), plus the extra rows `outputPadding` asks for.
 */
export function transposedOutputSize(size: number, kernel: number, stride: number, dilation: number, padding: number, outputPadding: number): number {
  return (size - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
}
