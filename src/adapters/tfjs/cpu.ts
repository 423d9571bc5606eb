/** TensorFlow.js on its CPU backend, as a module whose default export is the adapter (`--adapter tfjs`). */
import { tfjsAdapter } from './index.js';

export default await tfjsAdapter({ backend: 'cpu' });
