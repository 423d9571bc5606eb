/**
 * The messages between runConformanceInJobs (the main thread) and its check workers (checkWorker.ts). Checks
 * are named by their index in plannedChecks, which the main thread and every worker compute from the same
 * options (`kit.jobs.same-report`).
 */
import type { OperatorName } from '../../adapter/contract.js';
import type { CheckResult } from '../../check/checkResult.js';
import type { Fixture } from '../../golden/fixture.js';
import type { LoadAdapterOptions } from '../../isolation/loadAdapterSpec.js';
import type { ShapeEntry } from '../../shape/descriptor/shapeFile.js';
import type { Scale } from '../../shape/scale.js';
import type { ValuesMode } from '../../check/valuesMode.js';
import type { CorpusEntry } from '../ci/corpus.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import type { Shard } from '../shard.js';

/** An adapter as data: the `--adapter` spec and how to open it (src/isolation/loadAdapterSpec.ts). */
export interface AdapterSpecRecord {
  readonly spec: string;
  readonly load?: Pick<LoadAdapterOptions, 'timeoutMs' | 'browserPath'>;
}

/** A check worker's `workerData`: how to open the adapter, which run to plan, where to claim checks. */
export interface CheckWorkerData {
  /** file: URL of checkWorker (.ts from source, .js in the package) and of tsx's ESM API for the .ts case. */
  readonly moduleUrl: string;
  readonly tsxApiUrl: string;
  readonly adapter: AdapterSpecRecord;
  /** The run's claim board (claimBoard.ts), this worker's slot on it, and the dispatch order of the checks. */
  readonly board: SharedArrayBuffer;
  readonly thread: number;
  readonly order: readonly number[];
  /** The main thread's planned check ids: a worker that plans others runs nothing (`kit.jobs.same-report`). */
  readonly plannedIds: readonly string[];
  readonly seed: number;
  readonly runs: number;
  /** Diagnose failed properties (`kit.diagnosis.conventions`), as the main thread was asked. */
  readonly diagnose?: boolean;
  readonly scale?: Scale;
  /** The run's values mode (`num.values.exact`), as the main thread was asked. */
  readonly values?: ValuesMode;
  readonly only?: string | RegExp;
  readonly shard?: Shard;
  readonly fixtures?: readonly Fixture[];
  readonly extraFixtures?: readonly Fixture[];
  /** Catalogue ids of the run's properties when the caller chose them (default: the whole catalogue). */
  readonly propertyIds?: readonly string[];
  readonly shapes?: readonly ShapeEntry[];
  readonly corpus: readonly CorpusEntry[];
}

export type ToWorker =
  /** Operators another thread's adapter timed out on (`kit.protocol.breaker`). */
  | { readonly type: 'cutOff'; readonly ops: readonly OperatorName[] }
  /** The run was stopped: close the adapter now, so a pending isolated call ends. */
  | { readonly type: 'close' };

export type FromWorker =
  /** The worker could not take part: its adapter did not open, or it planned other checks. */
  | { readonly type: 'unable'; readonly message: string; readonly specError: boolean }
  | { readonly type: 'done'; readonly index: number; readonly result: CheckResult; readonly coverage?: RunCoverage; readonly cutOff: readonly OperatorName[] };
