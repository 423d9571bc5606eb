/**
 * CI's gate for the web backends (issue 12): each built-in web adapter's conformance run against its baseline
 * with --strict (webGateRun.ts), as gates.test.ts does for the Node libraries — a new failure, or a deviation
 * that went away, fails the build. They run in every `npm test`. To keep the suite within its budget on 2 cores
 * they run at --scale small with few fresh cases per property (RUNS): each baseline entry is still exercised,
 * since the corpus beside the baseline replays its counterexample first.
 *
 * A gate is skipped, with the reason in its name or its skip note, never counted as passed, when its package is
 * not installed, when there is no Chromium, or when the browser cannot start the backend (no WebGL context, no
 * WebGPU adapter).
 */
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/isolation/page/findChromium.js';
import { installed, runWebGate } from './webGateRun.js';

const chromium = (() => {
  try {
    findChromium();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
})();

/**
 * Fresh cases per property after the corpus's replays. A page call costs a round trip, and on WebGPU a shader
 * compile for each new shape (about a second on SwiftShader), so the GPU pages draw fewest.
 */
const RUNS = { node: 10, page: 5, gpu: 3 } as const;

interface WebGate {
  readonly adapter: string;
  readonly baseline: string;
  readonly runs: number;
  readonly pkg: string;
  readonly page: boolean;
}

const WEB_GATES: readonly WebGate[] = [
  { adapter: 'onnxruntime-web:wasm', baseline: 'onnxruntime-web-wasm', runs: RUNS.node, pkg: 'onnxruntime-web', page: false },
  { adapter: 'tfjs:wasm', baseline: 'tfjs-wasm', runs: RUNS.node, pkg: '@tensorflow/tfjs-backend-wasm', page: false },
  { adapter: 'page:onnxruntime-web:wasm', baseline: 'onnxruntime-web-wasm-page', runs: RUNS.page, pkg: 'onnxruntime-web', page: true },
  { adapter: 'page:onnxruntime-web:webgpu', baseline: 'onnxruntime-web-webgpu', runs: RUNS.gpu, pkg: 'onnxruntime-web', page: true },
  { adapter: 'page:tfjs:wasm', baseline: 'tfjs-wasm-page', runs: RUNS.page, pkg: '@tensorflow/tfjs-backend-wasm', page: true },
  { adapter: 'page:tfjs:webgl', baseline: 'tfjs-webgl', runs: RUNS.gpu, pkg: '@tensorflow/tfjs-backend-webgl', page: true },
  { adapter: 'page:tfjs:webgpu', baseline: 'tfjs-webgpu', runs: RUNS.gpu, pkg: '@tensorflow/tfjs-backend-webgpu', page: true },
];

const missing = (g: WebGate): string => (!installed(g.pkg) ? `${g.pkg} is not installed` : g.page && chromium !== '' ? chromium : '');

describe('web backends against their baselines (convkit run --scale small --baseline --strict)', () => {
  for (const g of WEB_GATES) {
    const why = missing(g);
    it.skipIf(why !== '')(`${g.adapter}${why === '' ? '' : ` — skipped: ${why}`}`, async (ctx) => {
      const r = await runWebGate(g.adapter, g.baseline, g.runs, 280_000);
      if (r.unavailable !== '') ctx.skip(`${g.adapter} cannot start here: ${r.unavailable}`);
      expect(r.verdict).toMatch(/0 new, 0 stale, 0 unknown/);
      expect(r.status).toBe(0);
    }, 300_000);
  }
});
