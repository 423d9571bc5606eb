/**
 * runConformanceInJobs(adapter, options): runConformance with the checks spread over `jobs` threads — this one
 * and `jobs − 1` check workers. The adapter is given as data (an AdapterSpecRecord: the `--adapter` spec and
 * its load options); every thread opens it itself (src/isolation/loadAdapterSpec.ts) and claims the next check
 * from one shared queue when it finishes one (claimBoard.ts), so a slow check never holds back the others.
 * Results are put back in report order, so the report for a seed is the one `jobs: 1` gives
 * (`kit.jobs.same-report`) for an adapter whose answers do not depend on the calls made before: each thread's
 * adapter sees only its share of the calls.
 *
 * This thread runs checks too: on 2 cores a third busy thread would only share them, and each worker pays
 * for loading the kit once (about a second from the TypeScript source), which this thread has already paid.
 *
 * The rest of runConformance holds: onProgress after each check (in the order they finish), the stop signal
 * (no thread claims another check, every adapter is closed; the report holds the checks that finished), the
 * circuit breaker (an operator one thread's adapter cut off is cut off in the others: `kit.protocol.breaker`),
 * the corpus replay. A run whose checks cannot be sent to workers runs on this thread with a note saying why
 * (`kit.jobs.fallback`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Adapter, OperatorName } from '../../adapter/contract.js';
import type { CheckResult } from '../../check/checkResult.js';
import { cutOffOperator } from '../../isolation/channelAdapter.js';
import { AdapterSpecError, loadAdapterSpec } from '../../isolation/loadAdapterSpec.js';
import { ADAPTER_METHODS } from '../../operators/index.js';
import { catalogue } from '../../../properties/catalogue.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import { addFingerprints, checkSettings, plannedCheckBase, plannedChecks, reportHead, runConformance, runCoverage, type ConformanceOptions, type ConformanceReport, type PlannedCheck } from '../runConformance.js';
import { claimBoard, runningOn, serveClaims, stopClaims } from './claimBoard.js';
import { checkRunner } from './checkRunner.js';
import { CHECK_WORKER_SOURCE } from './checkWorkerSource.js';
import type { JobsFallbackReason } from './jobsFallback.js';
import type { AdapterSpecRecord, CheckWorkerData, FromWorker, ToWorker } from './jobMessages.js';
import { moduleExtension } from '../../isolation/moduleExtension.js';
import type { Scale } from '../../shape/scale.js';

export interface JobsOptions extends ConformanceOptions {
  /** Threads that run checks (default: the number of cores, os.availableParallelism()); 1 runs on this thread only. */
  readonly jobs?: number;
}

/** How long stopped workers get to close their adapters before they are terminated. */
const STOP_GRACE_MS = 1000;

/**
 * The default job count (`kit.jobs.default`): every core for `--scale large`, one thread otherwise. A check
 * worker loads the kit again and warms its own JIT, which a default run does not earn back: its one thread already
 * spends 5.05 s of CPU in 3.34 s of wall (V8's concurrent compiler and collector), so two threads could gain at
 * most 1.32× even duplicating nothing; measured on 2 cores near idle, `--jobs 2` took 3.70 s. At `--scale large`,
 * 92 s against 209 s.
 */
export function defaultJobs(scale?: Scale): number {
  return scale === 'large' ? availableParallelism() : 1;
}

/**
 * Dispatch order: properties before fixtures (a property runs 100 cases, a fixture one call), so the short
 * checks fill the end of the run instead of a long one starting last.
 */
function dispatchOrder(planned: readonly PlannedCheck[]): number[] {
  const indices = planned.map((_, i) => i);
  return [...indices.filter((i) => planned[i]!.kind === 'property'), ...indices.filter((i) => planned[i]!.kind === 'fixture')];
}

function fallbackReason(options: JobsOptions, planned: readonly PlannedCheck[]): JobsFallbackReason | null {
  const inCatalogue = new Set(catalogue);
  if (options.properties?.some((p) => !inCatalogue.has(p)) ?? false) return 'own-properties';
  if (planned.length < 2) return 'one-check';
  return null;
}

export async function runConformanceInJobs(spec: AdapterSpecRecord, options: JobsOptions = {}): Promise<ConformanceReport> {
  const jobs = options.jobs ?? defaultJobs(options.scale);
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`runConformanceInJobs: jobs must be an integer ≥ 1, got ${String(jobs)}`);
  const adapter = await loadAdapterSpec(spec.spec, spec.load ?? {});
  // Stops this thread's adapter at once, so a pending call ends and the run can report.
  const closeOnStop = () => void adapter.close?.();
  options.signal?.addEventListener('abort', closeOnStop, { once: true });
  try {
    if (jobs === 1) return await runConformance(adapter, options);
    const planned = plannedChecks(options);
    const reason = fallbackReason(options, planned);
    if (reason !== null) return { ...(await runConformance(adapter, options)), jobsFallback: { requested: jobs, used: 1, reason } };
    return await runSpread(spec, adapter, options, jobs, planned);
  } finally {
    options.signal?.removeEventListener('abort', closeOnStop);
    await adapter.close?.();
  }
}

async function runSpread(spec: AdapterSpecRecord, adapter: Adapter, options: JobsOptions, jobs: number, planned: readonly PlannedCheck[]): Promise<ConformanceReport> {
  const total = planned.length;
  const threads = Math.min(jobs, total);
  const board = claimBoard(threads);
  const order = dispatchOrder(planned);
  const { seed, runs, corpus } = checkSettings(options);
  const data = (thread: number): CheckWorkerData => ({
    moduleUrl: new URL(`checkWorker${moduleExtension(import.meta.url)}`, import.meta.url).href,
    tsxApiUrl: import.meta.resolve('tsx/esm/api'),
    adapter: spec,
    board,
    thread,
    order,
    plannedIds: planned.map((c) => c.id),
    seed,
    runs,
    corpus,
    ...(options.diagnose === true ? { diagnose: true } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.only !== undefined ? { only: options.only } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.fixtures ? { fixtures: options.fixtures } : {}),
    ...(options.extraFixtures ? { extraFixtures: options.extraFixtures } : {}),
    ...(options.shapes ? { shapes: options.shapes } : {}),
    ...(options.properties ? { propertyIds: options.properties.map((p) => p.id) } : {}),
  });
  // Thread 0 is this one; workers are 1 … threads − 1.
  const workers = Array.from({ length: threads - 1 }, (_, i) => new Worker(CHECK_WORKER_SOURCE, { eval: true, workerData: data(i + 1) }));

  const results: (CheckResult | undefined)[] = new Array<CheckResult | undefined>(total);
  const coverages: (RunCoverage | undefined)[] = new Array<RunCoverage | undefined>(total);
  const cutOff = new Set<OperatorName>();
  let finished = 0;
  let unable: Error | undefined;
  const stopped = () => options.signal?.aborted === true || unable !== undefined;
  const record = (index: number, result: CheckResult, coverage?: RunCoverage) => {
    // A check cut short by the stop (its adapter was killed) says nothing about the adapter: it is left out.
    if (stopped() || results[index] !== undefined) return;
    results[index] = result;
    coverages[index] = coverage;
    finished++;
    options.onProgress?.(finished, total, result.id);
  };
  /** New cut-offs from thread `from` go to every other thread's adapter. */
  const spreadCutOff = (from: Worker | null, ops: readonly OperatorName[]) => {
    const fresh = ops.filter((op) => !cutOff.has(op));
    for (const op of fresh) cutOff.add(op);
    if (fresh.length === 0) return;
    if (from !== null) for (const op of fresh) cutOffOperator(adapter, op);
    for (const w of workers) if (w !== from) w.postMessage({ type: 'cutOff', ops: fresh } satisfies ToWorker);
  };
  const stopAll = () => {
    stopClaims(board);
    for (const w of workers) w.postMessage({ type: 'close' } satisfies ToWorker);
    // A worker inside a long synchronous check reads no message: it is terminated after the grace period.
    setTimeout(() => { for (const w of workers) void w.terminate(); }, STOP_GRACE_MS).unref();
  };
  options.signal?.addEventListener('abort', stopAll, { once: true });

  const workersEnded = workers.map(
    (w, i) =>
      new Promise<void>((resolve) => {
        w.on('message', (m: FromWorker) => {
          if (m.type === 'done') {
            spreadCutOff(w, m.cutOff);
            record(m.index, m.result, m.coverage);
          } else if (unable === undefined) {
            unable = m.specError ? new AdapterSpecError(m.message) : new Error(m.message);
            stopAll();
          }
        });
        // The worker itself broke (not the adapter, whose failures are results): its check is an error.
        let failure = 'exited before it answered';
        w.on('error', (e) => (failure = `failed: ${e.message}`));
        w.on('exit', () => {
          const index = runningOn(board, i + 1);
          if (index !== undefined) record(index, { ...plannedCheckBase(planned[index]!), status: 'error', message: `the check's worker thread ${failure}` });
          resolve();
        });
      }),
  );
  const run = checkRunner(adapter, options, planned);
  try {
    await serveClaims(board, 0, order, async (index) => {
      const { result, coverage, cutOff: ops } = await run(index);
      spreadCutOff(null, ops);
      record(index, result, coverage);
    });
    await Promise.all(workersEnded);
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (unable !== undefined) throw unable;
  const checks = results.filter((c): c is CheckResult => c !== undefined);
  if (options.signal?.aborted !== true) await addFingerprints(adapter, checks); // `num.fingerprint`, as runConformance
  const cutOffInOrder = ADAPTER_METHODS.filter((op) => cutOff.has(op));
  return {
    ...reportHead(adapter, options),
    checks,
    ...runCoverage(planned, coverages.filter((c): c is RunCoverage => c !== undefined)),
    ...(cutOffInOrder.length > 0 ? { cutOff: cutOffInOrder } : {}),
    ...(options.signal?.aborted === true ? { interrupted: { reason: String(options.signal.reason), planned: total } } : {}),
  };
}
