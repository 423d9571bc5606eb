/**
 * The kit at several threads (issue 10 part 5, `kit.jobs.same-report`): the whole default run of the
 * reference (`convkit run --adapter reference`, as runConformanceInJobs runs it for the CLI) with jobs 1 and
 * with jobs 2, in alternating rounds (1, 2, 1, 2, …) so a change in machine load falls on both alike; the
 * median wall time of each and their ratio. Worker start-up (loading the kit in each check worker) is inside
 * the jobs-2 time, process start-up in neither (the whole command is timed from outside for that).
 * Both runs must give the same checks with the same statuses, or the figure is refused.
 */
import { performance } from 'node:perf_hooks';
import type { CheckStatus } from '../src/check/checkResult.js';
import { runConformanceInJobs } from '../src/kit/jobs/runConformanceInJobs.js';
import type { Scale } from '../src/shape/scale.js';
import { median } from './timing.js';

export interface JobsResult {
  readonly scale: Scale;
  readonly checks: number;
  readonly statuses: Readonly<Partial<Record<CheckStatus, number>>>;
  /** Every round's wall seconds, per jobs value. */
  readonly seconds: Readonly<Record<'1' | '2', readonly number[]>>;
  readonly median: Readonly<Record<'1' | '2', number>>;
  /** median(jobs 1) / median(jobs 2): the speed-up (target ≥ 1.6 on 2 cores). */
  readonly speedUp: number;
}

async function oneRun(jobs: number, scale: Scale): Promise<{ seconds: number; outcome: string; statuses: Partial<Record<CheckStatus, number>>; checks: number }> {
  const start = performance.now();
  const report = await runConformanceInJobs({ spec: 'reference' }, { jobs, scale });
  const seconds = (performance.now() - start) / 1000;
  const statuses: Partial<Record<CheckStatus, number>> = {};
  for (const c of report.checks) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  return { seconds, outcome: report.checks.map((c) => `${c.id}:${c.status}`).join('\n'), statuses, checks: report.checks.length };
}

export async function jobsBench(rounds: number, scale: Scale = 'default', onRun: (jobs: number, seconds: number) => void = () => undefined): Promise<JobsResult> {
  const seconds: Record<'1' | '2', number[]> = { '1': [], '2': [] };
  let first: Awaited<ReturnType<typeof oneRun>> | undefined;
  for (let r = 0; r < rounds; r++) {
    for (const jobs of [1, 2] as const) {
      const run = await oneRun(jobs, scale);
      first ??= run;
      if (run.outcome !== first.outcome) throw new Error(`jobsBench: --jobs ${jobs} gave other checks or statuses than --jobs 1 (kit.jobs.same-report)`);
      seconds[String(jobs) as '1' | '2'].push(run.seconds);
      onRun(jobs, run.seconds);
    }
  }
  const m = { '1': median(seconds['1']), '2': median(seconds['2']) };
  return { scale, checks: first!.checks, statuses: first!.statuses, seconds, median: m, speedUp: m['1'] / m['2'] };
}
