/**
 * One web backend's CI gate (issue 12): `convkit run --adapter <spec> --scale small --runs <n> --jobs 1
 * --timeout 30000 --no-diagnose --baseline <copy> --strict` in a child process (30 s a call: a loaded 2-core
 * machine, a wasm backend restarted after a trap; no diagnosis: a gate reads statuses, and diagnosing each expected
 * failure costs its time box and many more calls, each a round trip to the page), on copies of its baseline and corpus (the tests never write into
 * baselines/). One process per backend, so one Chromium launch per backend (the page channel shares a browser
 * among the pages of a process, src/isolation/page/pageHost.ts). The corpus beside each baseline replays every
 * entry's saved counterexample first, so a small --runs still exercises each baseline entry; the random cases
 * after it are the run's fresh draws.
 *
 * A backend the machine cannot start — no Chromium, a Chromium that does not launch, a page without a WebGL
 * context or a WebGPU adapter — is reported as `unavailable` with the adapter's own words, for the test to skip
 * with; anything else that goes wrong is the gate's failure.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliArgs } from '../cliCommand.js';

export const root = join(import.meta.dirname, '..', '..');
export const installed = (pkg: string): boolean => existsSync(join(root, 'node_modules', pkg, 'package.json'));

export interface WebGateResult {
  /** Why the backend cannot run here ('' when it ran). */
  readonly unavailable: string;
  /** The verdict line and the NEW / STALE / UNKNOWN lines under it, or the output's tail when there is none. */
  readonly verdict: string;
  readonly status: number | null;
}

/** What the adapters and the page channel say when this machine cannot give them a backend. */
const UNAVAILABLE = [
  /this page has no WebGPU adapter[^\n]*/,
  /the page has no WebGL context[^\n]*/,
  /Chromium \([^)]*\) did not start[^\n]*/,
  /a page adapter needs Chromium, and none was found[^\n]*/,
];

export async function runWebGate(adapter: string, baseline: string, runs: number, timeoutMs: number): Promise<WebGateResult> {
  const dir = mkdtempSync(join(tmpdir(), `convkit-gate-${baseline}-`));
  const copy = join(dir, `${baseline}.json`);
  copyFileSync(join(root, 'baselines', `${baseline}.json`), copy);
  const corpus = join(root, 'baselines', `${baseline}.corpus.json`);
  if (existsSync(corpus)) copyFileSync(corpus, join(dir, `${baseline}.corpus.json`));
  const args = [...cliArgs(), 'run', '--adapter', adapter, '--scale', 'small', '--runs', String(runs), '--jobs', '1', '--timeout', '30000', '--no-diagnose', '--baseline', copy, '--strict'];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
  child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const output = `${stdout}\n${stderr}`;
  const unavailable = UNAVAILABLE.map((p) => p.exec(output)?.[0]).find((m) => m !== undefined) ?? '';
  const verdict = /baseline: .*(\n {2}\S.*)*/.exec(stdout)?.[0] ?? `${stdout.slice(-2000)}${stderr.slice(-2000)}`;
  return { unavailable, verdict, status };
}
