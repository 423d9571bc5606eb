/**
 * CI's gate for the real libraries: each adapter's whole conformance run (default seed, runs and scale) against its
 * baseline, with --strict — a new failure, or a deviation that went away, fails the build. Runs on copies of
 * the baseline and its corpus, so the tests never write into baselines/. The adapters are named as a user
 * names them: the built-in `--adapter tfjs`, `onnxruntime`, `onnxruntime:float64`, `pytorch`. Full tier only
 * (test/tier.ts): four whole default-scale runs of real libraries cost minutes; CI runs them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { torchAvailable } from '../pytorch/torchOracle.js';
import { cliArgs } from '../cliCommand.js';
import { FULL_TIER, FULL_TIER_ONLY } from '../tier.js';

const root = join(import.meta.dirname, '..', '..');
const installed = (pkg: string) => existsSync(join(root, 'node_modules', pkg, 'package.json'));

const gates = [
  { library: 'tfjs', adapter: 'tfjs', baseline: 'tfjs', available: installed('@tensorflow/tfjs'), missing: '@tensorflow/tfjs is not installed' },
  { library: 'onnxruntime', adapter: 'onnxruntime', baseline: 'onnxruntime', available: installed('onnxruntime-node'), missing: 'onnxruntime-node is not installed' },
  { library: 'onnxruntime-float64', adapter: 'onnxruntime:float64', baseline: 'onnxruntime-float64', available: installed('onnxruntime-node'), missing: 'onnxruntime-node is not installed' },
  { library: 'pytorch', adapter: 'pytorch', baseline: 'pytorch', available: torchAvailable(), missing: '/usr/bin/python3 cannot import torch (apt-get install python3-torch)' },
];

describe('real libraries against their baselines (convkit run --baseline --strict)', () => {
  for (const g of gates) {
    const why = !FULL_TIER ? FULL_TIER_ONLY : g.available ? '' : g.missing;
    it.skipIf(why !== '')(`${g.library}${why === '' ? '' : ` — skipped: ${why}`}`, () => {
      const dir = mkdtempSync(join(tmpdir(), `convkit-gate-${g.library}-`));
      const baseline = join(dir, `${g.baseline}.json`);
      copyFileSync(join(root, 'baselines', `${g.baseline}.json`), baseline);
      const corpus = join(root, 'baselines', `${g.baseline}.corpus.json`);
      if (existsSync(corpus)) copyFileSync(corpus, join(dir, `${g.baseline}.corpus.json`));
      const r = spawnSync(process.execPath, [...cliArgs(), 'run', '--adapter', g.adapter, '--baseline', baseline, '--strict'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CONVKIT_PYTHON: '/usr/bin/python3' } });
      // The verdict line and the NEW / STALE / UNKNOWN lines under it, so a failing gate names the checks.
      const verdict = /baseline: .*(\n {2}\S.*)*/.exec(r.stdout)?.[0] ?? r.stdout.slice(-2000) + r.stderr.slice(-2000);
      expect(verdict).toMatch(/0 new, 0 stale, 0 unknown/);
      expect(r.status).toBe(0);
    }, 600_000); // tfjs's default-scale run took 105 s alone and 222 s beside other tests on 2 shared cores
  }
});
