/**
 * Loads TensorFlow.js on its CPU backend, quietly: @tensorflow/tfjs-core for the operators,
 * @tensorflow/tfjs-backend-cpu for the kernels, and the @tensorflow/tfjs bundle only for its side effect of
 * registering tfjs-core's gradient functions (tfjs-core's own `dist/register_all_gradients` is untranspiled ESM
 * with extensionless imports that Node cannot load). The CPU backend prints a "use tfjs-node" banner on the
 * first tensor it stores when `IS_NODE` is set; an adapter must not write to stdout, so the flag is cleared
 * after loading (it only chooses platform helpers such as fetch, which these operators do not use).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs';

tf.env().set('IS_NODE', false);
await tf.setBackend('cpu');

export { tf };
