/**
 * Merges the reports of the shards of one run (same adapter and seed) into one report. A check reported by two
 * shards, or shards of different runs, is a usage error.
 */
import type { CheckResult } from '../check/checkResult.js';
import type { ConformanceReport } from './runConformance.js';
import { mergeRunCoverage, type RunCoverage } from './coverage/runCoverage.js';

export function mergeReports(reports: readonly ConformanceReport[]): ConformanceReport {
  const first = reports[0];
  if (first === undefined) throw new RangeError('merge: no reports given');
  const seen = new Map<string, CheckResult>();
  for (const r of reports) {
    if (r.adapter !== first.adapter || r.seed !== first.seed || r.runs !== first.runs) {
      throw new RangeError(`merge: reports of different runs (${first.adapter} seed ${first.seed} runs ${first.runs} vs ${r.adapter} seed ${r.seed} runs ${r.runs})`);
    }
    for (const c of r.checks) {
      if (seen.has(c.id)) throw new RangeError(`merge: check ${c.id} appears in two reports`);
      seen.set(c.id, c);
    }
  }
  // Each shard's coverage counts its own properties' calls: the run's is their sum (`kit.coverage`).
  const coverages = reports.flatMap((r): RunCoverage[] => (r.coverage ? [r.coverage] : []));
  const { coverage: _ignored, ...rest } = first;
  return { ...rest, checks: [...seen.values()].sort((a, b) => a.id.localeCompare(b.id)), ...(coverages.length > 0 ? { coverage: mergeRunCoverage(coverages) } : {}) };
}
