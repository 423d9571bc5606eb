/**
 * The fixed cases a precision fingerprint runs (spec/numerics.md, `num.fingerprint`), for every operator whose output
 * is a sum (of products, or of inputs for a mean): positive long sums (n = 64 to 4096, `num.bound.long-sums`),
 * mixed-sign sums (n = 9 to 576), inputs below float16's normal range, and single products (n = 1). Each case is a pair of tensors in conv2d's
 * layout — input [1, C, H, W], weight [O, C, k, k] — and each operator's record turns the pair into its own call,
 * keeping n = C·k·k terms per output.
 */
import type { TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';

/** A linear congruential walk, so the cases are the same in every run. */
function walk(count: number, seed: number, value: (bits: number) => number): Float64Array {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = value(s >>> 8);
  }
  return out;
}

const tensorOf = (shape: number[], seed: number, value: (bits: number) => number): TensorData => ({ shape, data: walk(shape.reduce((a, b) => a * b, 1), seed, value) });

/** Multiples of 2⁻¹⁰ in [1/2, 1] (exact in float16 and TF32), of 2⁻¹⁸ in (−4, 4), and odd multiples of 2⁻²⁷ below 2⁻²⁰. */
const positive = (b: number) => (512 + (b % 512)) / 1024;
const mixed = (b: number) => ((b % 2 ** 21) - 2 ** 20) / 2 ** 18;
const tiny = (b: number) => (2 * (b % 64) + 1) * (b & 1 ? 1 : -1) * 2 ** -27;

/** How an operator's record makes its call from a case's input [1, C, H, W] and weight [O, C, k, k]. */
export type FingerprintCall = (input: TensorData, weight: TensorData) => OperatorCall;

/**
 * The fingerprint's calls, in a fixed order. The positive cases have H = W = k, so the sum of all C·k·k products is an
 * output of every operator that sums them; the mixed and tiny cases have H = W = 5 or 4 and a 3×3 kernel.
 */
export function fingerprintCallsOf(make: FingerprintCall): OperatorCall[] {
  const calls: OperatorCall[] = [];
  for (const [c, k] of [[16, 2], [64, 2], [64, 4], [256, 4]] as const) calls.push(make(tensorOf([1, c, k, k], c * 7 + k, positive), tensorOf([1, c, k, k], c * 13 + k, positive)));
  for (const c of [1, 8, 64]) calls.push(make(tensorOf([1, c, 5, 5], c + 101, mixed), tensorOf([2, c, 3, 3], c + 202, mixed)));
  calls.push(make(tensorOf([1, 4, 4, 4], 303, tiny), tensorOf([2, 4, 3, 3], 404, mixed)));
  // Single products (n = 1), 64 of them: a sum's bound under float16 accumulation grows so fast with n (γ(n) is
  // infinite from n = 2048) that the long sums cannot tell bfloat16 accumulation from float16's; one product can. Its
  // inputs are exact in float16, so bfloat16 rounding (2⁻⁹ relative) shows against float16's 2⁻¹¹.
  calls.push(make(tensorOf([1, 1, 8, 8], 505, positive), tensorOf([1, 1, 1, 1], 606, positive)));
  return calls;
}

/**
 * A 4-D tensor's C planes side by side along the width: [N = 1, C, H, W] → [H, C·W], element (h, c·W + w) = (0, c, h, w).
 * Only the first N index is read, so a weight [O, C, k, k] gives its first output channel's kernel [k, C·k].
 */
export function planesSideBySide(t: TensorData): TensorData {
  const [, c = 1, h = 1, w = 1] = t.shape;
  const out = new Float64Array(h * c * w);
  for (let p = 0; p < c; p++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * c * w + p * w + x] = t.data[(p * h + y) * w + x]!;
  return { shape: [h, c * w], data: out };
}

/** The same values with the first two axes' lengths swapped ([O, C, k, k] read as [C, O, k, k]): not a transpose. */
export function swapLeadingLengths(t: TensorData): TensorData {
  const [a = 1, b = 1, ...rest] = t.shape;
  return { shape: [b, a, ...rest], data: t.data };
}
