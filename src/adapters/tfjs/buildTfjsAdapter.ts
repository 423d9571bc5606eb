/**
 * The TensorFlow.js adapter on a tfjs instance whose backend is already set: the contract's operators
 * (tfjsOperators.ts), float32 tensors in and out, and — when tfjs's gradient functions are registered — the
 * backward operators as tf.grads of the forward ones with the given output gradient as dy. Browser-safe: it
 * imports no package, so the Node adapter (index.ts) and the page adapters (../tfjs-webgl, ../tfjs-webgpu,
 * ../tfjs-wasm-page) build the same adapter; only the backend differs.
 */
import type { Adapter, Conv2dOptions, ConvTranspose2dOptions, Supports, TensorData } from '../../adapter/contract.js';
import type * as Tf from '@tensorflow/tfjs-core';
import { tfjsOperators } from './tfjsOperators.js';

/**
 * What tfjs has no spelling for, on every backend: circular and replicate padding (tf.mirrorPad has reflect
 * and symmetric only), dilated transposed convolution and dilated max pooling, and a divisor override.
 */
export const TFJS_UNSUPPORTED: NonNullable<Supports['features']> = {
  'conv2d.paddingMode.replicate': false,
  'conv2d.paddingMode.circular': false,
  'convTranspose2d.dilation': false,
  'pad2d.replicate': false,
  'pad2d.circular': false,
  'maxPool2d.dilation': false,
  'avgPool2d.divisorOverride': false,
};

export interface BuildTfjsAdapterOptions {
  /** The adapter's name. */
  readonly name: string;
  /** Whether tfjs's gradient functions are registered: then the backward operators are offered. */
  readonly gradients: boolean;
}

export function buildTfjsAdapter(tf: typeof Tf, options: BuildTfjsAdapterOptions): Adapter {
  const ops = tfjsOperators(tf);
  const { conv2d, convTranspose2d, pad2d, maxPool2d, avgPool2d } = ops;

  const toTf = (t: TensorData): Tf.Tensor => tf.tensor(Float32Array.from(t.data), t.shape, 'float32');
  const t4 = (t: TensorData) => toTf(t) as Tf.Tensor4D;
  const t1 = (t: TensorData | null) => (t ? (toTf(t) as Tf.Tensor1D) : null);
  const fromTf = (t: Tf.Tensor): TensorData => ({ shape: [...t.shape], data: Float32Array.from(t.dataSync()) });

  /** Runs `f` in tf.tidy, copies its result out and disposes it, so no tensor outlives the call. */
  const run = (f: () => Tf.Tensor): TensorData => {
    const y = tf.tidy(f);
    try {
      return fromTf(y);
    } finally {
      y.dispose();
    }
  };

  /** The vector-Jacobian product of `f` at `args`: tfjs's gradients with dy = gradOutput. */
  const vjp = (f: (...args: Tf.Tensor[]) => Tf.Tensor, args: TensorData[], gradOutput: TensorData): TensorData[] => {
    const grads = tf.tidy(() => tf.grads(f)(args.map(toTf), toTf(gradOutput)));
    try {
      return grads.map(fromTf);
    } finally {
      tf.dispose(grads);
    }
  };

  const withBias = (input: TensorData, weight: TensorData, bias: TensorData | null) => (bias ? [input, weight, bias] : [input, weight]);

  const conv2dBackward = (input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: Conv2dOptions) => {
    const f = (x: Tf.Tensor, w: Tf.Tensor, b?: Tf.Tensor) => conv2d(x as Tf.Tensor4D, w as Tf.Tensor4D, (b ?? null) as Tf.Tensor1D | null, opts);
    const [gi, gw, gb] = vjp(f, withBias(input, weight, bias), gradOutput);
    return { input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) };
  };

  const convTranspose2dBackward = (input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: ConvTranspose2dOptions) => {
    const f = (x: Tf.Tensor, w: Tf.Tensor, b?: Tf.Tensor) => convTranspose2d(x as Tf.Tensor4D, w as Tf.Tensor4D, (b ?? null) as Tf.Tensor1D | null, opts);
    const [gi, gw, gb] = vjp(f, withBias(input, weight, bias), gradOutput);
    return { input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) };
  };

  const forward: Adapter = {
    name: options.name,
    dtype: 'float32',
    supports: { features: { ...TFJS_UNSUPPORTED } },

    corr2d: (x, k) =>
      run(() => {
        const y = conv2d(t4({ shape: [1, 1, ...x.shape], data: x.data }), t4({ shape: [1, 1, ...k.shape], data: k.data }), null);
        return tf.reshape(y, y.shape.slice(2));
      }),
    conv2d: (input, weight, bias, opts) => run(() => conv2d(t4(input), t4(weight), t1(bias), opts)),
    convTranspose2d: (input, weight, bias, opts) => run(() => convTranspose2d(t4(input), t4(weight), t1(bias), opts)),
    pad2d: (input, pads, mode, value) => run(() => pad2d(toTf(input), pads, mode, value)),
    maxPool2d: (input, opts) => run(() => maxPool2d(t4(input), opts)),
    avgPool2d: (input, opts) => run(() => avgPool2d(t4(input), opts)),
  };
  const backward: Partial<Adapter> = {
    conv2dBackward,
    convTranspose2dBackward,
    maxPool2dBackward: (input, gradOutput, opts) => vjp((x) => maxPool2d(x as Tf.Tensor4D, opts), [input], gradOutput)[0]!,
    avgPool2dBackward: (input, gradOutput, opts) => vjp((x) => avgPool2d(x as Tf.Tensor4D, opts), [input], gradOutput)[0]!,
    pad2dBackward: (input, gradOutput, pads, mode) => vjp((x) => pad2d(x, pads, mode), [input], gradOutput)[0]!,
  };
  return options.gradients ? { ...forward, ...backward } : forward;
}
