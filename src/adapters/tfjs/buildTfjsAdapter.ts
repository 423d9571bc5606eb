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
  /**
   * Read results with `await tensor.data()` instead of dataSync(). The WebGPU backend needs it: its dataSync
   * reads back through a canvas, which on SwiftShader answers zeros and then loses the device (every later
   * buffer fails: "createBuffer failed, size (4) is too large for the implementation").
   */
  readonly asyncReadback?: boolean;
}

export function buildTfjsAdapter(tf: typeof Tf, options: BuildTfjsAdapterOptions): Adapter {
  const ops = tfjsOperators(tf);
  const { conv2d, convTranspose2d, pad2d, maxPool2d, avgPool2d } = ops;

  const toTf = (t: TensorData): Tf.Tensor => tf.tensor(Float32Array.from(t.data), t.shape, 'float32');
  const t4 = (t: TensorData) => toTf(t) as Tf.Tensor4D;
  const t1 = (t: TensorData | null) => (t ? (toTf(t) as Tf.Tensor1D) : null);
  const fromTf = (t: Tf.Tensor): TensorData => ({ shape: [...t.shape], data: Float32Array.from(t.dataSync()) });
  const fromTfAsync = async (t: Tf.Tensor): Promise<TensorData> => ({ shape: [...t.shape], data: Float32Array.from(await t.data()) });

  /** Copies `ts` out (awaited with asyncReadback), disposes them, and answers `then` of the copies. */
  function settle<T>(ts: Tf.Tensor[], then: (data: TensorData[]) => T): T | Promise<T> {
    if (options.asyncReadback) return Promise.all(ts.map(fromTfAsync)).then(then).finally(() => tf.dispose(ts));
    try {
      return then(ts.map(fromTf));
    } finally {
      tf.dispose(ts);
    }
  }

  /** Runs `f` in tf.tidy and copies its result out; no tensor outlives the call. */
  const run = (f: () => Tf.Tensor) => settle([tf.tidy(f)], ([y]) => y!);

  /** The vector-Jacobian product of `f` at `args` (tfjs's gradients with dy = gradOutput), given to `then`. */
  const vjp = <T>(f: (...args: Tf.Tensor[]) => Tf.Tensor, args: TensorData[], gradOutput: TensorData, then: (grads: TensorData[]) => T) =>
    settle(tf.tidy(() => tf.grads(f)(args.map(toTf), toTf(gradOutput))), then);

  const withBias = (input: TensorData, weight: TensorData, bias: TensorData | null) => (bias ? [input, weight, bias] : [input, weight]);

  const conv2dBackward = (input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: Conv2dOptions) => {
    const f = (x: Tf.Tensor, w: Tf.Tensor, b?: Tf.Tensor) => conv2d(x as Tf.Tensor4D, w as Tf.Tensor4D, (b ?? null) as Tf.Tensor1D | null, opts);
    return vjp(f, withBias(input, weight, bias), gradOutput, ([gi, gw, gb]) => ({ input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) }));
  };

  const convTranspose2dBackward = (input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: ConvTranspose2dOptions) => {
    const f = (x: Tf.Tensor, w: Tf.Tensor, b?: Tf.Tensor) => convTranspose2d(x as Tf.Tensor4D, w as Tf.Tensor4D, (b ?? null) as Tf.Tensor1D | null, opts);
    return vjp(f, withBias(input, weight, bias), gradOutput, ([gi, gw, gb]) => ({ input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) }));
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
    maxPool2dBackward: (input, gradOutput, opts) => vjp((x) => maxPool2d(x as Tf.Tensor4D, opts), [input], gradOutput, ([g]) => g!),
    avgPool2dBackward: (input, gradOutput, opts) => vjp((x) => avgPool2d(x as Tf.Tensor4D, opts), [input], gradOutput, ([g]) => g!),
    pad2dBackward: (input, gradOutput, pads, mode) => vjp((x) => pad2d(x, pads, mode), [input], gradOutput, ([g]) => g!),
  };
  return options.gradients ? { ...forward, ...backward } : forward;
}
