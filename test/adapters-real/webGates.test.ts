/**
 * CI's gate for the web backends (issue 12): each built-in web adapter's conformance run against its baseline,
 * with --strict, as gates.test.ts does for the Node libraries. To keep the suite within its budget on 2 cores the
 * page gates run at --scale small with fewer cases per property (RUNS below; their baselines were written with
 * the same settings). A gate whose backend cannot start here is skipped with the reason — onnxruntime-web or a
 * tfjs backend not installed, no Chromium, or a Chromium that offers no WebGPU adapter — and never counted as
 * passed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/isolation/page/findChromium.js';
import { leaseBrowser, servePage } from '../../src/isolation/page/pageHost.js';

const root = join(import.meta.dirname, '..', '..');
const installed = (pkg: string) => existsSync(join(root, 'node_modules', pkg, 'package.json'));

const chromium = (() => {
  try {
    return { path: findChromium(), missing: '' };
  } catch (e) {
    return { path: null, missing: (e as Error).message };
  }
})();

/** Whether a page served on 127.0.0.1 gets a WebGPU adapter from this Chromium (with the channel's switches). */
async function webgpuAdapter(): Promise<string> {
  if (chromium.path === null) return chromium.missing;
  const { server, url } = await servePage({ bundle: '', html: '<!doctype html><title>probe</title>', assets: [] });
  const lease = await leaseBrowser(chromium.path);
  try {
    const page = await lease.browser.newPage();
    await page.goto(url);
    const found = await page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      return gpu !== undefined && (await gpu.requestAdapter()) !== null;
    });
    return found ? '' : `${chromium.path} offers no WebGPU adapter (navigator.gpu.requestAdapter() answered null)`;
  } finally {
    await lease.release();
    server.close();
  }
}
const noWebgpu = await webgpuAdapter();

/** Cases per property of the page gates: a page call costs a round trip and, on WebGPU, a shader compile per new shape. */
const RUNS = { node: 100, page: 20, webgpu: 10 } as const;

interface WebGate {
  readonly adapter: string;
  readonly baseline: string;
  readonly runs: number;
  /** Why it cannot run here, or '' when it can. */
  readonly missing: string;
}

const need = (pkg: string, page: boolean, webgpu = false): string =>
  !installed(pkg) ? `${pkg} is not installed` : page && chromium.path === null ? chromium.missing : webgpu ? noWebgpu : '';

const gates: WebGate[] = [
  { adapter: 'onnxruntime-web:wasm', baseline: 'onnxruntime-web-wasm', runs: RUNS.node, missing: need('onnxruntime-web', false) },
  { adapter: 'page:onnxruntime-web:wasm', baseline: 'onnxruntime-web-wasm-page', runs: RUNS.page, missing: need('onnxruntime-web', true) },
  { adapter: 'page:onnxruntime-web:webgpu', baseline: 'onnxruntime-web-webgpu', runs: RUNS.webgpu, missing: need('onnxruntime-web', true, true) },
  { adapter: 'page:tfjs:wasm', baseline: 'tfjs-wasm-page', runs: RUNS.page, missing: need('@tensorflow/tfjs-backend-wasm', true) },
  { adapter: 'page:tfjs:webgl', baseline: 'tfjs-webgl', runs: RUNS.page, missing: need('@tensorflow/tfjs-backend-webgl', true) },
  { adapter: 'page:tfjs:webgpu', baseline: 'tfjs-webgpu', runs: RUNS.webgpu, missing: need('@tensorflow/tfjs-backend-webgpu', true, true) },
];

describe('web backends against their baselines (convkit run --scale small --baseline --strict)', () => {
  for (const g of gates) {
    it.skipIf(g.missing !== '')(`${g.adapter}${g.missing === '' ? '' : ` — skipped: ${g.missing}`}`, () => {
      const dir = mkdtempSync(join(tmpdir(), `convkit-gate-${g.baseline}-`));
      const baseline = join(dir, `${g.baseline}.json`);
      copyFileSync(join(root, 'baselines', `${g.baseline}.json`), baseline);
      const corpus = join(root, 'baselines', `${g.baseline}.corpus.json`);
      if (existsSync(corpus)) copyFileSync(corpus, join(dir, `${g.baseline}.corpus.json`));
      const args = ['--import', 'tsx', 'src/cli/main.ts', 'run', '--adapter', g.adapter, '--scale', 'small', '--runs', String(g.runs), '--baseline', baseline, '--strict'];
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const verdict = /baseline: .*/.exec(r.stdout)?.[0] ?? r.stdout.slice(-2000) + r.stderr.slice(-2000);
      expect(verdict).toMatch(/0 new, 0 stale, 0 unknown/);
      expect(r.status).toBe(0);
    }, 300_000);
  }
});
