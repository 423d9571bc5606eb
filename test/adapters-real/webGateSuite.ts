/**
 * CI's gate for the web backends (issue 12): each built-in web adapter's conformance run against its baseline
 * with --strict (webGateRun.ts), as gates.test.ts does for the Node libraries — a new failure, or a deviation
 * that went away, fails the build. They belong to the full tier (test/tier.ts: CONVKIT_TESTS=full, which .ci/run
 * sets; a GPU page on SwiftShader takes minutes), and run one group of webGates.json per test file
 * (webGatesNode, webGatesOrtPages, webGatesTfjsPages, webGatesTfjsWebglPage), so the groups run side by side. To keep the suite's cost
 * down they run at --scale small with few fresh cases per property (webGates.json): each baseline entry is still
 * exercised, since the corpus beside the baseline replays its counterexample first.
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
import { FULL_TIER, FULL_TIER_ONLY } from '../tier.js';

interface WebGate {
  /** Its baseline is baselines/<name>.json; its matrix column has this name. */
  readonly name: string;
  readonly adapter: string;
  readonly runs: number;
  readonly pkg: string;
  readonly page: boolean;
  readonly group: 'node' | 'ort-pages' | 'tfjs-pages' | 'tfjs-webgl-page';
  /** Why CI does not run this gate (its outcome is not repeatable); the test is skipped with this reason. */
  readonly notInCi?: string;
}

/** The gates' table, shared with scripts/matrix.sh (the matrix's web columns run with the same settings). */
const WEB_GATES = (JSON.parse(readFileSync(join(import.meta.dirname, 'webGates.json'), 'utf8')) as { gates: WebGate[] }).gates;

function chromiumMissing(): string {
  try {
    findChromium();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A gate's limit: 10 minutes. On this project's 2 cores shared with other work (load average near 20), the slowest,
 * page:tfjs:wasm at 5 runs, took 596 s of wall time for 73 s of the CLI's own CPU.
 */
const GATE_MS = 600_000;

export function describeWebGates(group: WebGate['group']): void {
  const chromium = chromiumMissing();
  const missing = (g: WebGate): string => (!FULL_TIER ? FULL_TIER_ONLY : g.notInCi !== undefined ? `not in CI: ${g.notInCi}` : !installed(g.pkg) ? `${g.pkg} is not installed` : g.page && chromium !== '' ? chromium : '');
  describe(`web backends (${group}) against their baselines (convkit run --scale small --baseline --strict)`, () => {
    for (const g of WEB_GATES.filter((x) => x.group === group)) {
      const why = missing(g);
      it.skipIf(why !== '')(`${g.adapter}${why === '' ? '' : ` — skipped: ${why}`}`, async (ctx) => {
        const r = await runWebGate(g.adapter, g.name, g.runs, GATE_MS - 10_000);
        if (r.unavailable !== '') ctx.skip(`${g.adapter} cannot start here: ${r.unavailable}`);
        expect(r.verdict).toMatch(/0 new, 0 stale, 0 unknown/);
        expect(r.status).toBe(0);
      }, GATE_MS);
    }
  });
}
