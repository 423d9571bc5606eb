/** The web gates of group 'wasm-pages' (webGates.json; webGateSuite.ts says what a gate is). */
import { describeWebGates } from './webGateSuite.js';

describeWebGates('wasm-pages');
