/** The web gates of group 'tfjs-pages' (webGates.json; webGateSuite.ts says what a gate is). */
import { describeWebGates } from './webGateSuite.js';

describeWebGates('tfjs-pages');
