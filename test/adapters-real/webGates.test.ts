/**
 * CI's gate for the web backends (issue 12): each built-in web adapter's conformance run against its baseline
 * with --strict (webGateRun.ts), as gates.test.ts does for the Node libraries — a new failure, or a deviation
 * that went away, fails the build. They run in every `npm test`. To keep the suite within its budget on 2 cores
 * they run at --scale small with few fresh cases per property (webGates.json): each baseline entry is still exercised,
 * since the corpus beside the baseline replays its counterexample first.
 *
 * A gate is skipped, with the reason in its name or its skip note, never counted as passed, when its package is
 * not installed, when there is no Chromium, or when the browser cannot start the backend (no WebGL context, no
 * WebGPU adapter).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

interface WebGate {
  /** Its baseline is baselines/<name>.json; its matrix column has this name. */
  readonly name: string;
  readonly adapter: string;
  readonly runs: number;
  readonly pkg: string;
  readonly page: boolean;
}

/** The gates' table, shared with scripts/matrix.sh (the matrix's web columns run with the same settings). */
const WEB_GATES = (JSON.parse(readFileSync(join(import.meta.dirname, 'webGates.json'), 'utf8')) as { gates: WebGate[] }).gates;

const missing = (g: WebGate): string => (!installed(g.pkg) ? `${g.pkg} is not installed` : g.page && chromium !== '' ? chromium : '');

describe('web backends against their baselines (convkit run --scale small --baseline --strict)', () => {
  for (const g of WEB_GATES) {
    const why = missing(g);
    it.skipIf(why !== '')(`${g.adapter}${why === '' ? '' : ` — skipped: ${why}`}`, async (ctx) => {
      const r = await runWebGate(g.adapter, g.name, g.runs, 280_000);
      if (r.unavailable !== '') ctx.skip(`${g.adapter} cannot start here: ${r.unavailable}`);
      expect(r.verdict).toMatch(/0 new, 0 stale, 0 unknown/);
      expect(r.status).toBe(0);
    }, 300_000);
  }
});
