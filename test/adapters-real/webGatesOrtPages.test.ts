/** The web gates of group 'ort-pages' (webGates.json; webGateSuite.ts says what a gate is). */
import { describeWebGates } from './webGateSuite.js';

describeWebGates('ort-pages');
