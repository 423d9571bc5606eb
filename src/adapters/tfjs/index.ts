/**
 * TensorFlow.js as a convkit adapter, float32, on the backend you choose (`convkit/adapters/tfjs`):
 *
 *     import { tfjsAdapter } from 'convkit/adapters/tfjs';
 *     export default await tfjsAdapter({ backend: 'wasm' });
 *
 * or on the command line `convkit run --adapter tfjs` (cpu) and `--adapter tfjs:wasm`. tfjs is an optional
 * peer of convkit: install @tensorflow/tfjs-core and the backend's package (@tensorflow/tfjs-backend-cpu or
 * @tensorflow/tfjs-backend-wasm); a missing one is a MissingPeerError that names it. The backward operators
 * are tf.grads of the forward ones with the given output gradient as dy (tfjs's own gradients); they are
 * offered when @tensorflow/tfjs, which registers those gradients, is installed too.
 *
 * Forward operators are tfjsOperators.ts. What tfjs has no spelling for is declared unsupported, so those checks
 * are skipped: circular and replicate padding (tf.mirrorPad has reflect and symmetric only), dilated transposed
 * convolution and dilated max pooling, and a divisor override.
 */
import type { Adapter, Conv2dOptions, ConvTranspose2dOptions, TensorData } from '../../adapter/contract.js';
import type * as Tf from '@tensorflow/tfjs-core';
import { tfjsOperators } from './tfjsOperators.js';
import { loadTfjs, TFJS_BACKENDS, type TfjsBackend } from './tfjsRuntime.js';

export { MissingPeerError } from '../missingPeer.js';
export type { TfjsBackend } from './tfjsRuntime.js';

export interface TfjsAdapterOptions {
  /** tfjs's backend: `cpu` (default, @tensorflow/tfjs-backend-cpu) or `wasm` (@tensorflow/tfjs-backend-wasm). */
  readonly backend?: TfjsBackend;
}

export async function tfjsAdapter(options: TfjsAdapterOptions = {}): Promise<Adapter> {
  const backend = options.backend ?? 'cpu';
  if (!TFJS_BACKENDS.includes(backend)) {
    throw new TypeError(`tfjsAdapter: options.backend=${JSON.stringify(backend)} must be one of ${TFJS_BACKENDS.map((b) => `"${b}"`).join(', ')}`);
  }
  const { tf, gradients, restartAfterTrap } = await loadTfjs(backend);
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
    name: `tfjs-core ${tf.version_core} (${backend} backend${gradients ? '' : '; no gradients: npm i @tensorflow/tfjs to check them'})`,
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
  };
  const backward: Partial<Adapter> = {
    conv2dBackward,
    convTranspose2dBackward,
    maxPool2dBackward: (input, gradOutput, opts) => vjp((x) => maxPool2d(x as Tf.Tensor4D, opts), [input], gradOutput)[0]!,
    avgPool2dBackward: (input, gradOutput, opts) => vjp((x) => avgPool2d(x as Tf.Tensor4D, opts), [input], gradOutput)[0]!,
    pad2dBackward: (input, gradOutput, pads, mode) => vjp((x) => pad2d(x, pads, mode), [input], gradOutput)[0]!,
  };
  const adapter: Adapter = gradients ? { ...forward, ...backward } : forward;
  return backend === 'wasm' ? restartingAfterTraps(adapter, restartAfterTrap) : adapter;
}

/** Every operator of `adapter`, rethrowing what it throws after letting `restart` recover the backend. */
function restartingAfterTraps(adapter: Adapter, restart: (e: unknown) => Promise<void>): Adapter {
  const wrapped: Record<string, unknown> = { ...adapter };
  for (const [key, value] of Object.entries(adapter)) {
    if (typeof value !== 'function' || key === 'close') continue;
    const op = value as (...args: unknown[]) => unknown;
    wrapped[key] = async (...args: unknown[]) => {
      try {
        return await op(...args);
      } catch (e) {
        await restart(e);
        throw e;
      }
    };
  }
  return wrapped as unknown as Adapter;
}
