/**
 * tfjs-backend-wasm 4.22 registers no `Conv2DBackpropFilter` kernel (checked with
 * `tf.getKernel('Conv2DBackpropFilter', 'wasm')`, undefined; its src/cc/kernels has Conv2DBackpropInput.cc only),
 * so tf.grads of tf.conv2d, and of tf.conv2dTranspose, whose weight gradient is that kernel too, throw
 * "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'" on every call. An operator that can never
 * answer is not offered: conv2dBackward and convTranspose2dBackward are left out while the kernel is missing, so
 * their checks are skipped as not implemented (never passed) instead of each ending as an error.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import type { Adapter } from '../../adapter/contract.js';

export function withoutMissingKernels(tf: typeof Tf, adapter: Adapter): Adapter {
  if (tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) !== undefined) return adapter;
  const { conv2dBackward: _conv, convTranspose2dBackward: _convT, ...rest } = adapter;
  return rest;
}
