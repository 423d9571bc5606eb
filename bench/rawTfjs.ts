/**
 * TensorFlow.js "raw": the same tfjs ops the adapter composes (src/adapters/tfjs/tfjsOperators.ts), on tensors
 * already in tfjs's NHWC/HWIO layout and already on the CPU backend, result read back with dataSync. What is
 * left out is the adapter's share: copying TensorData in and out and the NCHW ↔ NHWC, OIHW → HWIO transposes.
 */
// The adapter (loaded first, bench/libraries.ts) has put tfjs on its CPU backend; tfjs's engine is global.
import * as tf from '@tensorflow/tfjs-core';
import type { CaseTensors } from './caseTensors.js';
import type { BenchCase } from './shapes.js';
import type { Timed } from './timing.js';

type Padding = [[number, number], [number, number], [number, number], [number, number]];

const spatial = (p: number): Padding => [[0, 0], [p, p], [p, p], [0, 0]];

function nhwc(t: CaseTensors['input']): tf.Tensor4D {
  return tf.tidy(() => tf.transpose(tf.tensor4d(Float32Array.from(t.data), t.shape as [number, number, number, number], 'float32'), [0, 2, 3, 1]));
}

/** The contender, and a release for its kept tensors. */
export function rawTfjs(c: BenchCase, t: CaseTensors): { run: Timed; release: () => void } {
  const x = nhwc(t.input);
  const kept: tf.Tensor[] = [x];
  let op: () => tf.Tensor;
  if (c.kind === 'conv2d') {
    const w = tf.tidy(() => tf.transpose(tf.tensor4d(Float32Array.from(t.weight!.data), t.weight!.shape as [number, number, number, number], 'float32'), [2, 3, 1, 0]));
    const b = tf.tensor1d(Float32Array.from(t.bias!.data), 'float32');
    kept.push(w, b);
    op = () => tf.add(tf.conv2d(x, w, c.opts.stride, spatial(c.opts.padding), 'NHWC'), b);
  } else if (c.kind === 'maxPool2d') {
    op = () => tf.maxPool(x, c.opts.kernelSize, c.opts.stride, spatial(c.opts.padding));
  } else {
    // countIncludePad (the contract's default) is zero padding, then tf.avgPool without: as the adapter does.
    op = () => tf.avgPool(tf.pad(x, spatial(c.opts.padding)), c.opts.kernelSize, c.opts.stride, 'valid');
  }
  const run = () => {
    const y = tf.tidy(op);
    y.dataSync();
    y.dispose();
  };
  return { run, release: () => tf.dispose(kept) };
}
