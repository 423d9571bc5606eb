/**
 * The files a command writes after its run (reports, the corpus, a baseline), each written on its own: one
 * that fails (a full disk, a read-only folder) is reported and the others are still written, and the run's
 * verdict stands. An output flag that names one of the run's inputs (the baseline, its corpus) is refused
 * before the run, so a typo cannot overwrite the gate.
 */
import { resolve } from 'node:path';
import { UsageError } from './loadAdapter.js';

export interface OutputFile {
  /** The flag or the role, for messages: `--json`, `the corpus`. */
  readonly what: string;
  readonly path: string;
}

export interface OutputWrite extends OutputFile {
  readonly write: () => void | Promise<void>;
}

export interface WriteFailure extends OutputFile {
  readonly message: string;
}

/** Throws a UsageError when an output names an input, or two outputs name the same file. */
export function refuseOverlappingOutputs(outputs: readonly OutputFile[], inputs: readonly OutputFile[]): void {
  const seen = new Map<string, string>();
  for (const input of inputs) seen.set(resolve(input.path), input.what);
  for (const output of outputs) {
    const key = resolve(output.path);
    const taken = seen.get(key);
    if (taken !== undefined) throw new UsageError(`${output.what} ${output.path} is ${taken} of this run; writing it there would overwrite it — choose another file`);
    seen.set(key, `${output.what}'s file`);
  }
}

/** Runs every write; resolves with the ones that failed. */
export async function writeOutputs(writes: readonly OutputWrite[]): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  for (const w of writes) {
    try {
      await w.write();
    } catch (e) {
      failures.push({ what: w.what, path: w.path, message: (e as Error).message });
    }
  }
  return failures;
}

/** The exit code: the verdict's when it failed; 2 when only a write failed; else 0. */
export function exitCodeAfterWrites(verdictFails: boolean, failures: readonly WriteFailure[]): number {
  if (verdictFails) return 1;
  return failures.length > 0 ? 2 : 0;
}
