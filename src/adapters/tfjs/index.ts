/**
 * TensorFlow.js (@tensorflow/tfjs-core on @tensorflow/tfjs-backend-cpu, float32) as a convkit adapter:
 * `convkit run --adapter src/adapters/tfjs/index.ts`. Forward operators are tfjsOperators.ts; the backward
 * operators are tf.grads of them with the given output gradient as dy (tfjs's own gradients). What tfjs has no
 * spelling for is declared unsupported, so those checks are skipped: circular and replicate padding
 * (tf.mirrorPad has reflect and symmetric only), dilated transposed convolution, and a divisor override.
 */
import type { Adapter, Conv2dOptions, ConvTranspose2dOptions, TensorData } from '../../adapter/contract.js';
import { tf } from './tfjsRuntime.js';
import { avgPool2d, conv2d, convTranspose2d, maxPool2d, pad2d } from './tfjsOperators.js';

const toTf = (t: TensorData): tf.Tensor => tf.tensor(Float32Array.from(t.data), t.shape, 'float32');
const t4 = (t: TensorData) => toTf(t) as tf.Tensor4D;
const t1 = (t: TensorData | null) => (t ? (toTf(t) as tf.Tensor1D) : null);
const fromTf = (t: tf.Tensor): TensorData => ({ shape: [...t.shape], data: Float32Array.from(t.dataSync()) });

/** Runs `f` in tf.tidy, copies its result out and disposes it, so no tensor outlives the call. */
function run(f: () => tf.Tensor): TensorData {
  const y = tf.tidy(f);
  try {
    return fromTf(y);
  } finally {
    y.dispose();
  }
}

/** The vector-Jacobian product of `f` at `args`: tfjs's gradients with dy = gradOutput. */
function vjp(f: (...args: tf.Tensor[]) => tf.Tensor, args: TensorData[], gradOutput: TensorData): TensorData[] {
  const grads = tf.tidy(() => tf.grads(f)(args.map(toTf), toTf(gradOutput)));
  try {
    return grads.map(fromTf);
  } finally {
    tf.dispose(grads);
  }
}

function withBias(input: TensorData, weight: TensorData, bias: TensorData | null): TensorData[] {
  return bias ? [input, weight, bias] : [input, weight];
}

function conv2dBackward(input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: Conv2dOptions) {
  const f = (x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor) => conv2d(x as tf.Tensor4D, w as tf.Tensor4D, (b ?? null) as tf.Tensor1D | null, opts);
  const [gi, gw, gb] = vjp(f, withBias(input, weight, bias), gradOutput);
  return { input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) };
}

function convTranspose2dBackward(input: TensorData, weight: TensorData, bias: TensorData | null, gradOutput: TensorData, opts?: ConvTranspose2dOptions) {
  const f = (x: tf.Tensor, w: tf.Tensor, b?: tf.Tensor) => convTranspose2d(x as tf.Tensor4D, w as tf.Tensor4D, (b ?? null) as tf.Tensor1D | null, opts);
  const [gi, gw, gb] = vjp(f, withBias(input, weight, bias), gradOutput);
  return { input: gi!, weight: gw!, ...(gb ? { bias: gb } : {}) };
}

const tfjs: Adapter = {
  name: `tfjs-core ${tf.version_core} (cpu backend)`,
  dtype: 'float32',
  supports: {
    features: {
      'conv2d.paddingMode.replicate': false,
      'conv2d.paddingMode.circular': false,
      'convTranspose2d.dilation': false,
      'pad2d.replicate': false,
      'pad2d.circular': false,
      'maxPool2d.dilation': false,
      'avgPool2d.divisorOverride': false,
    },
  },

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

  conv2dBackward,
  convTranspose2dBackward,
  maxPool2dBackward: (input, gradOutput, opts) => vjp((x) => maxPool2d(x as tf.Tensor4D, opts), [input], gradOutput)[0]!,
  avgPool2dBackward: (input, gradOutput, opts) => vjp((x) => avgPool2d(x as tf.Tensor4D, opts), [input], gradOutput)[0]!,
  pad2dBackward: (input, gradOutput, pads, mode) => vjp((x) => pad2d(x, pads, mode), [input], gradOutput)[0]!,
};

export default tfjs;
