/**
 * Why a run asked to spread its checks over several worker threads ran them on one (`kit.jobs.fallback`): a
 * typed note in the report, so the report says it and nothing parses a message back.
 */
export type JobsFallbackReason =
  /** The run's properties are not all in the catalogue: functions cannot be sent to a worker thread. */
  | 'own-properties'
  /** The run has fewer than two checks: there is nothing to spread. */
  | 'one-check';

export interface JobsFallback {
  readonly requested: number;
  readonly used: 1;
  readonly reason: JobsFallbackReason;
}

const EXPLAINED: Readonly<Record<JobsFallbackReason, string>> = {
  'own-properties': 'the run has properties that are not in the catalogue, and they cannot be sent to a worker thread',
  'one-check': 'the run has fewer than two checks',
};

/** One line for the console report. */
export function describeJobsFallback(f: JobsFallback): string {
  return `jobs: ran on 1 thread instead of ${f.requested}: ${EXPLAINED[f.reason]} §kit.jobs.fallback`;
}
