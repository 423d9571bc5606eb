/**
 * Hand-picked cases shared by the real adapters' tests: each is an operator call, and the adapter's answer is
 * compared with the reference's (same shape; values within `num.tolerance`, exact for pad and max pooling).
 */
import { expect } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';
import { referenceWithBound } from '../../properties/assertions/referenceBound.js';

const ramp = (shape: number[], scale = 0.25) => {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Array.from({ length: n }, (_, i) => ((i * 7) % 11) * scale - 1) };
};

export const forwardCases: Readonly<Record<string, OperatorCall>> = {
  'corr2d 3×3 by 2×2': { op: 'corr2d', inputs: { x: ramp([3, 3]), k: ramp([2, 2]) }, options: {} },
  'conv2d stride 2, padding 1, bias': { op: 'conv2d', inputs: { input: ramp([2, 3, 5, 6]), weight: ramp([4, 3, 3, 3]), bias: ramp([4]) }, options: { stride: 2, padding: 1 } },
  'conv2d groups 2, dilation 2, same': { op: 'conv2d', inputs: { input: ramp([1, 4, 6, 5]), weight: ramp([2, 2, 2, 3]), bias: null }, options: { groups: 2, dilation: 2, padding: 'same' } },
  'conv2d asymmetric padding, reflect': { op: 'conv2d', inputs: { input: ramp([1, 2, 4, 5]), weight: ramp([3, 2, 2, 2]), bias: null }, options: { padding: { top: 1, bottom: 0, left: 2, right: 1 }, paddingMode: 'reflect' } },
  'convTranspose2d stride 2, padding 1, outputPadding 1, groups 2': { op: 'convTranspose2d', inputs: { input: ramp([1, 4, 3, 3]), weight: ramp([4, 1, 3, 3]), bias: ramp([2]) }, options: { stride: 2, padding: 1, outputPadding: 1, groups: 2 } },
  'pad2d constant with negative pads': { op: 'pad2d', inputs: { input: ramp([2, 1, 3, 4]) }, options: { pads: { top: 1, bottom: -1, left: -2, right: 2 }, mode: 'constant', value: 7 } },
  'pad2d reflect': { op: 'pad2d', inputs: { input: ramp([1, 2, 3, 4]) }, options: { pads: { top: 2, bottom: 1, left: 3, right: 0 }, mode: 'reflect' } },
  'maxPool2d kernel 3, stride 2, padding 1': { op: 'maxPool2d', inputs: { input: ramp([1, 2, 5, 5]) }, options: { kernelSize: 3, stride: 2, padding: 1 } },
  'avgPool2d kernel 3, stride 2, padding 1 (count_include_pad)': { op: 'avgPool2d', inputs: { input: ramp([1, 2, 5, 5]) }, options: { kernelSize: 3, stride: 2, padding: 1 } },
  'avgPool2d countIncludePad false': { op: 'avgPool2d', inputs: { input: ramp([1, 1, 4, 4]) }, options: { kernelSize: 2, stride: 1, padding: 1, countIncludePad: false } },
};

/** The adapter's answer has the reference's shape and values within the bound. */
export async function expectMatchesReference(adapter: Adapter, call: OperatorCall): Promise<void> {
  const { expected, bound } = await referenceWithBound(call, adapter.dtype);
  const got = (await invokeOperator(adapter, call)) as { shape: number[]; data: ArrayLike<number> };
  expect(got.shape).toEqual(expected.shape);
  for (let i = 0; i < expected.data.length; i++) {
    expect(Math.abs(got.data[i]! - expected.data[i]!), `element ${i}`).toBeLessThanOrEqual(bound(i));
  }
}

/** Loads a real adapter, or null with the reason when its package is not installed. */
export async function loadRealAdapter(module: string, pkg: string): Promise<{ adapter: Adapter | null; reason: string }> {
  try {
    await import(pkg);
  } catch {
    return { adapter: null, reason: `${pkg} is not installed (an optional peer of convkit, a devDependency here: npm install ${pkg})` };
  }
  return { adapter: ((await import(module)) as { default: Adapter }).default, reason: '' };
}
