/**
 * Loads TensorFlow.js on one backend, quietly, from the user's own installation (optional peers of convkit):
 * @tensorflow/tfjs-core for the operators, and the backend's package for the kernels —
 * @tensorflow/tfjs-backend-cpu for `cpu`, @tensorflow/tfjs-backend-wasm for `wasm`. The gradient functions
 * that the backward operators need are registered by the @tensorflow/tfjs bundle only (tfjs-core's own
 * `dist/register_all_gradients` is untranspiled ESM with extensionless imports that Node cannot load), so
 * they are there when @tensorflow/tfjs is installed and absent otherwise.
 *
 * The CPU backend prints a "use tfjs-node" banner on the first tensor it stores when `IS_NODE` is set; an
 * adapter must not write to stdout, so the flag is cleared once the backend is ready (it then only chooses platform helpers such
 * as fetch, which these operators do not use). tfjs's engine is global to the process: one backend per process.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import { MissingPeerError, hasPeer } from '../missingPeer.js';

export type TfjsBackend = 'cpu' | 'wasm';
export const TFJS_BACKENDS: readonly TfjsBackend[] = ['cpu', 'wasm'];

/** The npm package of each backend's kernels. */
export const BACKEND_PACKAGE: Readonly<Record<TfjsBackend, string>> = {
  cpu: '@tensorflow/tfjs-backend-cpu',
  wasm: '@tensorflow/tfjs-backend-wasm',
};

export interface TfjsRuntime {
  readonly tf: typeof Tf;
  readonly backend: TfjsBackend;
  /** Whether tfjs's gradient functions are registered (@tensorflow/tfjs is installed). */
  readonly gradients: boolean;
  /**
   * After a WebAssembly trap (`RuntimeError: Aborted()`, `memory access out of bounds`) the wasm backend's memory
   * is corrupt and every later call fails the same way. This starts a fresh instance of the backend, so one bad
   * call costs one check, not the rest of the run.
   */
  restartAfterTrap(e: unknown): Promise<void>;
}

const CORE = '@tensorflow/tfjs-core';
const BUNDLE = '@tensorflow/tfjs';

// Each is imported only when asked for. The backends and the bundle are imported for their side effects
// (registering kernels, gradients): their specifiers are plain strings, so no types of theirs are needed.
const importCore = () => import('@tensorflow/tfjs-core');
const importSideEffects = (pkg: string) => () => import(pkg) as Promise<unknown>;
const importBackend: Readonly<Record<TfjsBackend, () => Promise<unknown>>> = {
  cpu: importSideEffects(BACKEND_PACKAGE.cpu),
  wasm: importSideEffects(BACKEND_PACKAGE.wasm),
};
const importBundle = importSideEffects('@tensorflow/tfjs');

export async function loadTfjs(backend: TfjsBackend): Promise<TfjsRuntime> {
  const adapterName = `convkit/adapters/tfjs (backend ${backend})`;
  const missing: string[] = [];
  if (!(await hasPeer(CORE, importCore))) missing.push(CORE);
  if (missing.length === 0 && !(await hasPeer(BACKEND_PACKAGE[backend], importBackend[backend]))) missing.push(BACKEND_PACKAGE[backend]);
  if (missing.length > 0) throw new MissingPeerError(adapterName, missing.length === 1 && missing[0] === CORE ? [CORE, BACKEND_PACKAGE[backend]] : missing);
  const tf = await importCore();
  const gradients = await hasPeer(BUNDLE, importBundle);
  // The wasm backend reads its .wasm file with fs while IS_NODE is set: clear the flag only once it is ready.
  if (!(await tf.setBackend(backend))) throw new Error(`${adapterName}: tf.setBackend('${backend}') failed to initialise the backend`);
  tf.env().set('IS_NODE', false);
  const restartAfterTrap = async (e: unknown) => {
    if (!(e instanceof WebAssembly.RuntimeError)) return;
    const factory = tf.findBackendFactory(backend);
    tf.removeBackend(backend);
    tf.registerBackend(backend, factory);
    tf.env().set('IS_NODE', true);
    try {
      await tf.setBackend(backend);
    } finally {
      tf.env().set('IS_NODE', false);
    }
  };
  return { tf, backend, gradients, restartAfterTrap };
}
