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
 * The adapter itself is buildTfjsAdapter.ts (shared with the page adapters of the webgl, webgpu and wasm
 * backends); what tfjs has no spelling for is declared unsupported there (TFJS_UNSUPPORTED), so those checks
 * are skipped.
 */
import type { Adapter } from '../../adapter/contract.js';
import { buildTfjsAdapter } from './buildTfjsAdapter.js';
import { withoutMissingKernels } from '../tfjs-wasm/withoutMissingKernels.js';
import { refusingOutOfBoundsWindows } from '../tfjs-wasm/refusingOutOfBoundsWindows.js';
import { restartingAfterTraps } from './restartingAfterTraps.js';
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
  const adapter = buildTfjsAdapter(tf, {
    name: `tfjs-core ${tf.version_core} (${backend} backend${gradients ? '' : '; no gradients: npm i @tensorflow/tfjs to check them'})`,
    gradients,
  });
  // The wasm backend lacks Conv2DBackpropFilter: its convolution gradients are not offered (../tfjs-wasm/withoutMissingKernels.ts);
  // the calls whose windows XNNPACK would run outside its buffers are refused (../tfjs-wasm/refusingOutOfBoundsWindows.ts).
  if (backend !== 'wasm') return adapter;
  return restartingAfterTraps(refusingOutOfBoundsWindows(withoutMissingKernels(tf, adapter)), restartAfterTrap);
}
