/**
 * Which kernel taps of one transposed-convolution axis meet which input and output positions
 * (spec/conv-transpose2d.md, `convt.definition`): input i with kernel index a lands on output
 *
 *     y = i·s − p + a·d,
 *
 * and counts only when 0 ≤ y < out (`convt.padding`: the rest is cropped). The references walk these runs
 * instead of testing every (i, a) pair. Example: size 2, kernel 4, stride 2, padding 1, so out 4 — input 0's
 * kernel run is a = 1 … 3 (a = 0 would land on −1), input 1's a = 0 … 2 (a = 3 would land on 4).
 */
import type { TransposedAxis } from './convTranspose2dGeometry.js';

/** Half-open index ranges [lo[k], hi[k]): empty when lo ≥ hi. */
export interface IndexRanges {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

/**
 * For each input position i, the kernel indices a whose output i·s − p + a·d lies in [0, out): a run of
 * consecutive indices, since the output grows with a.
 */
export function kernelRangesByInput(axis: TransposedAxis): IndexRanges {
  const { size, kernel, stride, dilation, padding, out } = axis;
  return ranges(size, kernel, (i, a) => i * stride - padding + a * dilation, out);
}

/** For each kernel index a, the input positions i whose output i·s − p + a·d lies in [0, out) (consecutive). */
export function inputRangesByKernel(axis: TransposedAxis): IndexRanges {
  const { size, kernel, stride, dilation, padding, out } = axis;
  return ranges(kernel, size, (a, i) => i * stride - padding + a * dilation, out);
}

function ranges(count: number, extent: number, position: (k: number, m: number) => number, out: number): IndexRanges {
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    let m = 0;
    while (m < extent && position(k, m) < 0) m++;
    lo[k] = m;
    while (m < extent && position(k, m) < out) m++;
    hi[k] = m;
  }
  return { lo, hi };
}
