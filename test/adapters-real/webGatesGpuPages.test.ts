/** The web gates of group 'gpu-pages' (webGates.json; webGateSuite.ts says what a gate is). */
import { describeWebGates } from './webGateSuite.js';

describeWebGates('gpu-pages');
