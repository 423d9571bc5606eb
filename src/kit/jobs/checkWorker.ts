/**
 * A check worker (a worker thread of runConformanceInJobs): opens the adapter spec record as the CLI does
 * (src/isolation/loadAdapterSpec.ts), plans the same checks as the main thread, then claims checks from the
 * run's claim board until none is left, answering each with its result and the operators its adapter's circuit
 * breaker has cut off so far; then closes its adapter and ends. Importing this module outside a check worker
 * does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Adapter } from '../../adapter/contract.js';
import { cutOffOperator } from '../../isolation/channelAdapter.js';
import { AdapterSpecError, loadAdapterSpec } from '../../isolation/loadAdapterSpec.js';
import { catalogue } from '../../../properties/catalogue.js';
import type { Property } from '../../../properties/property.js';
import { plannedCheckBase, plannedChecks, type ConformanceOptions } from '../runConformance.js';
import { serveClaims } from './claimBoard.js';
import { checkRunner } from './checkRunner.js';
import type { CheckWorkerData, FromWorker, ToWorker } from './jobMessages.js';

/** The run's options as the main thread gave them, rebuilt from the worker's data. */
export function workerOptions(data: CheckWorkerData): ConformanceOptions {
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  const properties = data.propertyIds?.map((id): Property => {
    const p = byId.get(id);
    if (p === undefined) throw new Error(`check worker: property ${id} is not in the catalogue`);
    return p;
  });
  return {
    seed: data.seed,
    runs: data.runs,
    corpus: data.corpus,
    ...(data.diagnose === true ? { diagnose: true } : {}),
    ...(data.scale !== undefined ? { scale: data.scale } : {}),
    ...(data.values !== undefined ? { values: data.values } : {}),
    ...(data.only !== undefined ? { only: data.only } : {}),
    ...(data.shard ? { shard: data.shard } : {}),
    ...(data.fixtures ? { fixtures: data.fixtures } : {}),
    ...(data.extraFixtures ? { extraFixtures: data.extraFixtures } : {}),
    ...(data.shapes ? { shapes: data.shapes } : {}),
    ...(properties ? { properties } : {}),
  };
}

async function serveChecks(port: NonNullable<typeof parentPort>, data: CheckWorkerData): Promise<void> {
  const post = (m: FromWorker) => port.postMessage(m);
  let given: Adapter;
  try {
    given = await loadAdapterSpec(data.adapter.spec, data.adapter.load ?? {});
  } catch (e) {
    post({ type: 'unable', message: (e as Error).message, specError: e instanceof AdapterSpecError });
    port.close();
    return;
  }
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.resolve(given.close?.()));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'close') void close();
    else for (const op of m.ops) cutOffOperator(given, op);
  });
  try {
    const options = workerOptions(data);
    const planned = plannedChecks(options);
    if (planned.length !== data.plannedIds.length || planned.some((c, i) => c.id !== data.plannedIds[i])) {
      post({ type: 'unable', message: 'runConformanceInJobs: a check worker planned other checks than the main thread (kit.jobs.same-report)', specError: false });
      return;
    }
    const run = checkRunner(given, options, planned);
    await serveClaims(data.board, data.thread, data.order, async (index) => {
      const { result, coverage, cutOff } = await run(index);
      try {
        post({ type: 'done', index, result, ...(coverage ? { coverage } : {}), cutOff });
      } catch (e) {
        // A result that does not cross a thread (a function in its detail) is the kit's own defect: one check's error.
        post({ type: 'done', index, result: { ...plannedCheckBase(planned[index]!), status: 'error', message: `the check's result could not be sent from its worker thread: ${(e as Error).message}` }, cutOff });
      }
    });
  } finally {
    await close();
    port.close();
  }
}

if (!isMainThread && parentPort !== null && (workerData as Partial<CheckWorkerData> | null)?.board instanceof SharedArrayBuffer) {
  void serveChecks(parentPort, workerData as CheckWorkerData);
}
