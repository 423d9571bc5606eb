/** The web gates of group 'tfjs-webgl-page' (webGates.json; webGateSuite.ts says what a gate is). */
import { describeWebGates } from './webGateSuite.js';

describeWebGates('tfjs-webgl-page');
