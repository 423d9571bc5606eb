/**
 * The kit's own speed: the whole default run (golden fixtures + the property catalogue, default seed and
 * runs, as `npm run conformance`) against an adapter, as checks per second, and the share of the run spent
 * outside the adapter's operators (1 − inside/total, timedAdapter.ts). Three adapters: the reference
 * in-process (a first, cold run, then warm ones), the reference isolated in a worker thread, and the
 * pure-Python example adapter over the stdio protocol; each is run whole `repeats` times and the median run
 * reported. An adapter that cannot be loaded here is reported as a TODO with the reason, never as a number.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Adapter } from '../src/adapter/contract.js';
import type { CheckStatus } from '../src/check/checkResult.js';
import { DEFAULT_RUNS, DEFAULT_SEED, runConformance } from '../src/kit/runConformance.js';
import type { Scale } from '../src/shape/scale.js';
import { timedAdapter } from './timedAdapter.js';

export const PYTHON_ADAPTER = 'cmd:/usr/bin/python3 python/examples/reference_adapter.py';

export interface KitTarget {
  readonly label: string;
  /** The `--adapter` spec, as the CLI would take it. */
  readonly spec: string;
  /** Files the target needs; missing ones make it a TODO. */
  readonly needs: readonly string[];
  readonly isolate: boolean;
  /** Whole runs made; the median one is reported. */
  readonly repeats: number;
  /** The run's scale (`shape.scale`); default 'default'. */
  readonly scale?: Scale;
}

export const kitTargets: readonly KitTarget[] = [
  // The first run in a process pays for JIT warm-up and loading the fixtures; the later ones do not.
  { label: 'reference, in-process, first run', spec: 'reference', needs: [], isolate: false, repeats: 1 },
  { label: 'reference, in-process, warm', spec: 'reference', needs: [], isolate: false, repeats: 3 },
  // Scale large takes minutes (measured by hand: the report of issue 10 part 5), small and default side by side here.
  { label: 'reference, in-process, warm, scale small', spec: 'reference', needs: [], isolate: false, repeats: 3, scale: 'small' },
  { label: 'reference, isolated (worker thread)', spec: 'reference', needs: ['src/isolation/channelAdapter.ts'], isolate: true, repeats: 3 },
  {
    label: 'Python example adapter (stdio)',
    spec: PYTHON_ADAPTER,
    needs: ['src/isolation/channelAdapter.ts', 'python/examples/reference_adapter.py', '/usr/bin/python3'],
    isolate: true,
    repeats: 3,
  },
];

export type KitResult =
  | {
      readonly label: string;
      readonly spec: string;
      readonly checks: number;
      readonly statuses: Readonly<Partial<Record<CheckStatus, number>>>;
      /** The median run's wall time (the figures below are that run's). */
      readonly seconds: number;
      /** Every run's wall time, in order. */
      readonly runSeconds: readonly number[];
      readonly checksPerSecond: number;
      /** Checks that ran (not skipped) per second. */
      readonly runChecksPerSecond: number;
      readonly operatorCalls: number;
      readonly insideSeconds: number;
      readonly shareOutside: number;
    }
  | { readonly label: string; readonly spec: string; readonly todo: string };

/**
 * Closes the adapter with a timer holding the event loop open: an idle `cmd:` adapter's child process is
 * unref'd, so awaiting its close() as the last thing alive would otherwise end the process before it settles.
 */
async function closeKeepingAlive(adapter: Adapter): Promise<void> {
  const keep = setInterval(() => undefined, 1000);
  try {
    await adapter.close?.();
  } finally {
    clearInterval(keep);
  }
}

interface KitRun {
  readonly checks: number;
  readonly statuses: Partial<Record<CheckStatus, number>>;
  readonly seconds: number;
  readonly operatorCalls: number;
  readonly insideSeconds: number;
}

/** One whole default run, its wall time and the time inside the adapter's operators. */
async function oneRun(inner: Adapter, scale: Scale): Promise<KitRun> {
  const timed = timedAdapter(inner);
  const start = performance.now();
  const report = await runConformance(timed.adapter, { seed: DEFAULT_SEED, runs: DEFAULT_RUNS, scale });
  const seconds = (performance.now() - start) / 1000;
  const statuses: Partial<Record<CheckStatus, number>> = {};
  for (const c of report.checks) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  return { checks: report.checks.length, statuses, seconds, operatorCalls: timed.calls(), insideSeconds: timed.insideMs() / 1000 };
}

async function load(t: KitTarget): Promise<Adapter> {
  const { loadAdapter } = await import('../src/cli/loadAdapter.js');
  return loadAdapter(t.spec, { isolate: t.isolate });
}

export async function kitBench(t: KitTarget): Promise<KitResult> {
  const missing = t.needs.filter((p) => !existsSync(p));
  if (missing.length > 0) return { label: t.label, spec: t.spec, todo: `TODO: not measured, missing ${missing.join(', ')}` };
  let inner: Adapter;
  try {
    inner = await load(t);
  } catch (e) {
    return { label: t.label, spec: t.spec, todo: `TODO: not measured, the adapter did not load: ${(e as Error).message.split('\n')[0]}` };
  }
  try {
    const runs: KitRun[] = [];
    for (let i = 0; i < t.repeats; i++) runs.push(await oneRun(inner, t.scale ?? 'default'));
    const m = [...runs].sort((a, b) => a.seconds - b.seconds)[runs.length >> 1]!;
    const ran = m.checks - (m.statuses.skipped ?? 0);
    return {
      label: t.label,
      spec: t.spec,
      ...m,
      runSeconds: runs.map((r) => r.seconds),
      checksPerSecond: m.checks / m.seconds,
      runChecksPerSecond: ran / m.seconds,
      shareOutside: 1 - m.insideSeconds / m.seconds,
    };
  } finally {
    await closeKeepingAlive(inner);
  }
}
