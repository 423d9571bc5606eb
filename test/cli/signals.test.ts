/**
 * Signals (issue 14, `kit.protocol.lifeline`): SIGINT and SIGTERM end a run cleanly — the adapter's process group
 * is killed, the reports of the checks that finished are written, and the exit code is 130 or 143 — and a
 * SIGKILL of convkit leaves no adapter process behind, not even one spinning without reading its stdin.
 * Real processes: convkit, the adapter, and the adapter's own child.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const spinning = join(import.meta.dirname, 'fixtures', 'spinningAdapter.mjs');

/** A process that exists and is not a zombie (an orphan's zombie may wait for a reaper that never comes). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (condition()) return true;
  return condition();
}

// --jobs 1: the spinning adapter counts its calls, so a second thread's adapter would answer two more.
function startRun(dir: string) {
  const pidFile = join(dir, 'pids');
  const json = join(dir, 'report.json');
  const run = spawn(process.execPath, [...cliArgs(), 'run', '--adapter', `cmd:${process.execPath} ${spinning} ${pidFile}`, '--only', 'golden/notes-001-conv2d', '--jobs', '1', '--json', json], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  run.stdout.on('data', (d: Buffer) => (out += d.toString()));
  run.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => run.on('exit', (code, signal) => resolve({ code, signal })));
  return { run, pidFile, json, exited, out: () => out };
}

describe('signals end a run cleanly and leave no process behind', () => {
  it.for<['SIGINT' | 'SIGTERM', number]>([['SIGINT', 130], ['SIGTERM', 143]])('%s: exit %i, partial report written, adapter group killed', { timeout: 40_000 }, async ([signal, code]) => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-signal-'));
    const r = startRun(dir);
    expect(await until(() => existsSync(r.pidFile), 20_000), r.out()).toBe(true);
    const pids = readFileSync(r.pidFile, 'utf8').split(' ').map(Number);
    r.run.kill(signal);
    const end = await r.exited;
    expect(end, r.out()).toEqual({ code, signal: null });
    expect(r.out()).toMatch(new RegExp(`interrupted by ${signal}; the report above covers the 2 check\\(s\\) that finished`));
    const report = JSON.parse(readFileSync(r.json, 'utf8')) as { checks: unknown[] };
    expect(report.checks).toHaveLength(2);
    expect(await until(() => pids.every((p) => !alive(p)), 3000), `still running: ${pids.filter(alive).join(' ')}`).toBe(true);
  });

  it('SIGKILL of convkit: the spinning adapter and its child are gone within seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-signal-'));
    const r = startRun(dir);
    expect(await until(() => existsSync(r.pidFile), 20_000), r.out()).toBe(true);
    const pids = readFileSync(r.pidFile, 'utf8').split(' ').map(Number);
    expect(pids.every(alive)).toBe(true);
    r.run.kill('SIGKILL');
    await r.exited;
    const gone = await until(() => pids.every((p) => !alive(p)), 3000);
    for (const p of pids.filter(alive)) process.kill(p, 'SIGKILL'); // do not leave them to the next test
    expect(gone).toBe(true);
  }, 40_000);
});
