/**
 * The deviations of tfjs's WebAssembly backend that baselines/tfjs-wasm*.json records, confirmed without convkit:
 * tfjs-core and tfjs-backend-wasm called directly here, in NHWC as tfjs takes them, on each entry's minimal
 * counterexample. What the spec asks is derived by hand beside each call. When tfjs fixes one, its test fails
 * here, and the baseline entry is to be removed with it. The last three are the calls the adapter refuses rather than
 * answer (src/adapters/tfjs-wasm/refusingOutOfBoundsWindows.ts): when one of them stops failing, so can its refusal.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Tf from '@tensorflow/tfjs-core';

const root = join(import.meta.dirname, '..', '..');
const installed = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'].every((p) => existsSync(join(root, 'node_modules', p, 'package.json')));

describe.skipIf(!installed)(`tfjs-backend-wasm called directly${installed ? '' : ' — skipped: @tensorflow/tfjs or @tensorflow/tfjs-backend-wasm is not installed'}`, () => {
  let tf: typeof Tf;
  beforeAll(async () => {
    tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-wasm');
    await import('@tensorflow/tfjs'); // registers the gradients
    expect(await tf.setBackend('wasm')).toBe(true);
    tf.env().set('IS_NODE', false);
  }, 60_000);

  it('registers no Conv2DBackpropFilter kernel (so no convolution gradient: the adapter does not offer them)', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBeDefined();
  });

  it('conv2d turns NaN into −∞ (§num.nan-propagation: NaN·1 is NaN)', () => {
    const y = tf.conv2d(tf.tensor4d([Number.NaN], [1, 1, 1, 1]), tf.tensor4d([1], [1, 1, 1, 1]), 1, 'valid');
    expect(Array.from(y.dataSync())).toEqual([Number.NEGATIVE_INFINITY]);
  });

  it("max pool's gradient loses some windows' gradients: repeated values, a channel not above the one before (§grad.max-pool2d)", () => {
    // A 1×1 window over one pixel of two channels: each output is its own input, so the input gradient is dy = [7, 11].
    const grad = (x: number[]) => Array.from(tf.grads((a: Tf.Tensor) => tf.maxPool(a as Tf.Tensor4D, [1, 1], [1, 1], 0))([tf.tensor4d(x, [1, 1, 1, 2])], tf.tensor4d([7, 11], [1, 1, 1, 2]))[0]!.dataSync());
    expect(grad([0, 0])).toEqual([7, 0]);
    expect(grad([1, 0])).toEqual([7, 0]);
    expect(grad([0, 1])).toEqual([7, 11]);
    // Four 1×1 windows along a row: again each input's gradient is its own dy, [1, 2, 3, 4]; equal values lose all but the first.
    const row = (x: number[]) => Array.from(tf.grads((a: Tf.Tensor) => tf.maxPool(a as Tf.Tensor4D, [1, 1], [1, 1], 0))([tf.tensor4d(x, [1, 1, 4, 1])], tf.tensor4d([1, 2, 3, 4], [1, 1, 4, 1]))[0]!.dataSync());
    expect(row([0, 0, 0, 0])).toEqual([1, 0, 0, 0]);
    expect(row([3, 1, 2, 5])).toEqual([1, 2, 3, 4]);
  });

  it("a ceil-mode window tfjs counts beyond XNNPACK's floor count is never written, and the rest is read at tfjs's width (§pool.ceil-mode.last-window)", () => {
    // NHWC 2×2 plane [[1, 2], [3, 4]], kernel 1, stride [1, 2], ceil. tfjs counts ⌈(2 − 1)/2⌉ + 1 = 2 columns (the
    // second starts at column 2, past the input: the spec drops it, tfjs's CPU backend answers −∞ there); XNNPACK
    // counts ⌊(2 − 1)/2⌋ + 1 = 1 and writes its 2×1 answer [1, 3] densely. So tfjs's [0, 0, 1] is row 1's 3, and its
    // second row (elements 2 and 3) is never written: whatever the heap held, so it is not asserted.
    const y = tf.maxPool(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), [1, 1], [1, 2], 0, 'ceil');
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(y.dataSync()).slice(0, 2)).toEqual([1, 3]);
  });

  it('conv2d with a kernel taller than the padded input is handed to XNNPACK, not refused (§shape.positive)', () => {
    // One row, kernel height 3, 'valid': tfjs's extent is trunc((1 − 3)/1 + 1) = −1, and it runs the kernel on it
    // (XNNPACK's own count for it underflows: the writes land outside the output, read back later as stray values).
    expect(tf.conv2d(tf.zeros([1, 1, 1, 1]) as Tf.Tensor4D, tf.ones([3, 1, 1, 1]) as Tf.Tensor4D, 1, 'valid').shape).toEqual([1, -1, 1, 1]);
  });

  // Last: a trap leaves the backend's memory corrupt for every later call (src/adapters/tfjs/restartingAfterTraps.ts).
  it('a ceil-mode window taller than the input reads outside the wasm memory (§pool.ceil-mode.last-window)', () => {
    // One row, kernel [2, 1], stride 2, ceil: the spec's one window holds row 0 (and, past the input, nothing), so
    // avg = x[0] = 0. tfjs hands XNNPACK a window taller than the unpadded input: a trap here, in a fresh process
    // (after many calls, with a larger heap, the same call ran for minutes in convkit's runs instead).
    expect(() => tf.avgPool(tf.zeros([1, 1, 1, 1]) as Tf.Tensor4D, [2, 1], [2, 1], 0, 'ceil').dataSync()).toThrow(/memory access out of bounds/);
  });
});
