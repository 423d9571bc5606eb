/**
 * TensorFlow.js on its WebAssembly backend, in a Chromium page (`--adapter page:tfjs:wasm`; in Node it is
 * `--adapter tfjs:wasm`, ../tfjs/wasm.ts): the operators of ../tfjs with tfjs's registered gradients, computed
 * by XNNPACK compiled to WASM SIMD, but for the convolution gradients, whose kernel the backend lacks
 * (withoutMissingKernels.ts); the calls whose windows XNNPACK would run outside its buffers are refused
 * (refusingOutOfBoundsWindows.ts). The .wasm files are served by the page channel beside the bundle, under
 * /assets/ (the assets of the built-in entry in src/isolation/builtinAdapters.ts). The page is not
 * cross-origin isolated, so there is no SharedArrayBuffer and tfjs picks the single-threaded SIMD build.
 * Arithmetic: float32 storage and float32 sums (XNNPACK's f32 kernels; numerics.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { declareNumerics } from '../declareNumerics.js';
import { buildTfjsAdapter } from '../tfjs/buildTfjsAdapter.js';
import { restartingAfterTraps } from '../tfjs/restartingAfterTraps.js';
import { TFJS_WASM_NUMERICS } from './numerics.js';
import { withoutMissingKernels } from './withoutMissingKernels.js';
import { refusingOutOfBoundsWindows } from './refusingOutOfBoundsWindows.js';

export { TFJS_WASM_NUMERICS };

/** Where the page channel serves a page adapter's assets (src/isolation/page/pageAssets.ts, PAGE_ASSET_PREFIX). */
setWasmPaths('/assets/');
if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') failed to initialise the backend (were its .wasm files served under /assets/?)");
await tf.ready();

/** After a WebAssembly trap the instance is corrupt: a fresh one is started (as in Node, ../tfjs/tfjsRuntime.ts). */
async function restartAfterTrap(e: unknown): Promise<void> {
  if (!(e instanceof WebAssembly.RuntimeError)) return;
  const factory = tf.findBackendFactory('wasm');
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', factory);
  await tf.setBackend('wasm');
}

const adapter = refusingOutOfBoundsWindows(withoutMissingKernels(tf, buildTfjsAdapter(tf, { name: `tfjs-core ${tf.version_core} (wasm backend in Chromium)`, gradients: true })));
export default declareNumerics(restartingAfterTraps(adapter, restartAfterTrap), TFJS_WASM_NUMERICS);
