/**
 * TensorFlow.js on its WebGL backend, in a Chromium page (`--adapter page:tfjs:webgl`): the operators of
 * ../tfjs (buildTfjsAdapter.ts) with tfjs's registered gradients, computed by fragment shaders (WebGL 2 on
 * ANGLE/SwiftShader here). Its precision is read from tfjs's own flags when it starts, and named in the adapter's
 * name, so a report says what ran, and declared as its numerics for every operator: see numerics.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { declareNumerics } from '../declareNumerics.js';
import { buildTfjsAdapter } from '../tfjs/buildTfjsAdapter.js';
import { webglNumerics, webglPrecision } from './numerics.js';

if (!(await tf.setBackend('webgl'))) throw new Error("tf.setBackend('webgl') failed: the page has no WebGL context tfjs can use");
await tf.ready();
// tfjs hands an op whose inputs are still on the CPU and under CPU_HANDOFF_SIZE_THRESHOLD (128) elements to its
// CPU kernels (element-wise ops, transpose, slices: backend_webgl.js shouldExecuteOnCPU); off, so every kernel
// of a call — and the precision probe — runs in shaders, which is what this adapter checks.
tf.env().set('WEBGL_CPU_FORWARD', false);
const precision = webglPrecision(tf);

export default declareNumerics(buildTfjsAdapter(tf, { name: `tfjs-core ${tf.version_core} (webgl backend in Chromium: ${precision.summary})`, gradients: true }), webglNumerics(precision));
