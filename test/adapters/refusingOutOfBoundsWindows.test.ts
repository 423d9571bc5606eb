/**
 * The wasm adapter's refusals (src/adapters/tfjs-wasm/refusingOutOfBoundsWindows.ts), without tfjs: which axes
 * XNNPACK cannot answer within its buffers. Each expectation is derived by hand beside it from XNNPACK's count
 * floor((E − k_eff)/s) + 1 (E = n + pads) against tfjs's ⌈(E − k_eff)/s⌉ + 1 in ceil mode; the calls that trap
 * or come back with unwritten elements on tfjs itself are in test/adapters-real/webDeviationsTfjsWasm.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { isUnsupported } from '../../src/adapter/unsupported.js';
import { axisRefusal, conv2dRefusal, corr2dRefusal, poolRefusal, refusingOutOfBoundsWindows } from '../../src/adapters/tfjs-wasm/refusingOutOfBoundsWindows.js';

const axis = (size: number, kernel: number, stride: number, pads = 0, dilation = 1) => ({ name: 'height' as const, size, pads, kernel, stride, dilation });
const zeros = (shape: number[]): TensorData => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0) });

describe('axisRefusal', () => {
  it('refuses a kernel longer than the padded input, in floor and ceil mode', () => {
    // E = 1 < k = 2: XNNPACK's count underflows (the trap of webDeviationsTfjsWasm.test.ts, kernel [2, 1] on one row).
    expect(axisRefusal(axis(1, 2, 2), true)).toMatch(/^padded height 1 \+ 0 = 1 < kernel height 2: /);
    expect(axisRefusal(axis(1, 2, 1), false)).toMatch(/^padded height 1 \+ 0 = 1 < kernel height 2: /);
    // Dilation 2 makes a 3-tap kernel span 5 > 4.
    expect(axisRefusal(axis(4, 3, 1, 0, 2), false)).toMatch(/^padded height 4 \+ 0 = 4 < dilated kernel height 5: /);
  });

  it('answers when the pads make the extent reach the kernel', () => {
    // E = 1 + 2 = 3 = k: one window on both sides.
    expect(axisRefusal(axis(1, 3, 1, 2), false)).toBeNull();
    expect(axisRefusal(axis(1, 3, 1, 2), true)).toBeNull();
  });

  it('refuses ceil mode where tfjs counts one window more than XNNPACK writes', () => {
    // n 2, k 1, s 2: (2 − 1)/2 = 0.5, tfjs ⌈0.5⌉ + 1 = 2, XNNPACK ⌊0.5⌋ + 1 = 1 (pooling.constant-input's stray value).
    expect(axisRefusal(axis(2, 1, 2), true)).toBe('ceilMode with padded height 2 + 0 = 2, kernel 1, stride 2 ((2 − 1) is not a multiple of 2): tfjs counts 2 windows, XNNPACK writes 1, so part of the output is never written');
    // The benchdnn shape ic16ih16oh8kh3sh2: (16 − 3)/2 = 6.5, 8 windows against 7.
    expect(axisRefusal(axis(16, 3, 2), true)).toMatch(/tfjs counts 8 windows, XNNPACK writes 7/);
  });

  it('answers ceil mode where both count the same windows, and floor mode past the kernel', () => {
    // n 5, k 1, s 2: (5 − 1)/2 = 2 exactly, 3 windows on both sides.
    expect(axisRefusal(axis(5, 1, 2), true)).toBeNull();
    expect(axisRefusal(axis(16, 3, 2), false)).toBeNull();
  });
});

describe('the calls', () => {
  it('pools: stride defaults to the kernel, padding counts on both sides, the first refused axis is named', () => {
    // Kernel [2, 1] on a 1×1 plane, stride = kernel: the height is refused (E 1 < 2).
    expect(poolRefusal('avgPool2d', zeros([1, 1, 1, 1]), { kernelSize: [2, 1], ceilMode: true })).toMatch(/^tfjs-backend-wasm avgPool2d: padded height 1 \+ 0 = 1 < kernel height 2: .*webDeviationsTfjsWasm\.test\.ts\)$/);
    // Width 2, kernel 1, stride [1, 2], ceil: the width is refused; height 2 with stride 1 is fine.
    expect(poolRefusal('maxPool2d', zeros([1, 1, 2, 2]), { kernelSize: 1, stride: [1, 2], ceilMode: true })).toMatch(/^tfjs-backend-wasm maxPool2d: ceilMode with padded width 2 \+ 0 = 2/);
    // Padding 1: E = 1 + 2 = 3 ≥ k = 3 on both axes, floor mode.
    expect(poolRefusal('maxPool2d', zeros([1, 1, 1, 1]), { kernelSize: 3, stride: 1, padding: 1 })).toBeNull();
  });

  it("conv2d: 'valid' and explicit sides as the adapter hands them; 'same' always reaches the kernel", () => {
    const w3 = zeros([1, 1, 3, 3]);
    expect(conv2dRefusal(zeros([1, 1, 1, 1]), w3, { padding: 'valid' })).toMatch(/^tfjs-backend-wasm conv2d: padded height 1 \+ 0 = 1 < kernel height 3: /);
    expect(conv2dRefusal(zeros([1, 1, 1, 1]), w3, { padding: 'same' })).toBeNull(); // 1 + 2 = 3
    expect(conv2dRefusal(zeros([1, 1, 1, 1]), w3, { padding: { top: 1, bottom: 0, left: 1, right: 1 } })).toMatch(/padded height 1 \+ 1 = 2 < kernel height 3/);
    expect(conv2dRefusal(zeros([1, 1, 3, 3]), w3)).toBeNull();
  });

  it('corr2d: no padding, stride 1', () => {
    expect(corr2dRefusal(zeros([2, 3]), zeros([3, 1]))).toMatch(/padded height 2 \+ 0 = 2 < kernel height 3/);
    expect(corr2dRefusal(zeros([3, 3]), zeros([3, 3]))).toBeNull();
  });
});

describe('refusingOutOfBoundsWindows', () => {
  const guarded = refusingOutOfBoundsWindows(reference);

  it('throws Unsupported for a refused call and answers the rest as the wrapped adapter does', async () => {
    const refused = (async () => guarded.avgPool2d!(zeros([1, 1, 1, 1]), { kernelSize: [2, 1], ceilMode: true }))();
    await expect(refused).rejects.toSatisfy(isUnsupported);
    const x: TensorData = { shape: [1, 1, 1, 5], data: [1, 2, 3, 4, 5] };
    // Width 5, kernel 1, stride 2, ceil: 3 windows on both sides, answered: [1, 3, 5].
    expect(Array.from((await guarded.maxPool2d!(x, { kernelSize: 1, stride: 2, ceilMode: true })).data)).toEqual([1, 3, 5]);
    await expect((async () => guarded.maxPool2dBackward!(zeros([1, 1, 2, 2]), zeros([1, 1, 2, 1]), { kernelSize: 1, stride: [1, 2], ceilMode: true }))()).rejects.toSatisfy(isUnsupported);
  });

  it('leaves absent operators absent and other members as they were', () => {
    const only: Adapter = { name: 'pad only', dtype: 'float64', pad2d: reference.pad2d! };
    const g = refusingOutOfBoundsWindows(only);
    expect(Object.keys(g).sort()).toEqual(['dtype', 'name', 'pad2d']);
    expect(g.pad2d).toBe(only.pad2d);
  });
});
