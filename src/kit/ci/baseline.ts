/**
 * The CI gate's baseline: the failures known today, each with a reason. Applied to a report, expected failures
 * do not fail the run, new failures do, and entries whose check now passes are stale (`--strict` fails on
 * them); an entry that names no existing check is reported, never ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { CheckResult } from '../../check/checkResult.js';
import type { ConformanceReport } from '../runConformance.js';

export interface BaselineEntry {
  readonly id: string;
  readonly status: 'failed' | 'error';
  readonly reason: string;
  readonly clauses?: readonly string[];
  /** For a failure: the clause it breaks; the check must break the same one to be expected. */
  readonly clause?: string;
  readonly message?: string;
  /**
   * The id of another entry of this baseline whose deviation causes this failure too (one bug seen by two
   * checks, e.g. a property that compares the adapter with itself). Reports group it under that entry.
   */
  readonly sameRootCauseAs?: string;
}

export interface Baseline {
  readonly adapter: string;
  readonly seed: number;
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineVerdict {
  readonly newFailures: CheckResult[];
  readonly expectedFailures: CheckResult[];
  /** Baseline entries whose check passed (or was skipped) this time. */
  readonly stale: BaselineEntry[];
  /**
   * Checks that held but proved little (`kit.health.vacuous`). Not failures, never passes: an entry whose check is
   * vacuous is neither expected nor stale (it stays); the gate lists them and does not fail on them.
   */
  readonly vacuous: CheckResult[];
  /** Baseline entries naming a check this run does not have. */
  readonly unknown: BaselineEntry[];
}

const isFailure = (c: CheckResult) => c.status === 'failed' || c.status === 'error';

export function baselineFromReport(report: ConformanceReport, reasonFor: (c: CheckResult) => string = () => 'known deviation, recorded by `convkit baseline write`'): Baseline {
  return {
    adapter: report.adapter,
    seed: report.seed,
    entries: report.checks.filter(isFailure).map((c) => ({
      id: c.id,
      status: c.status as 'failed' | 'error',
      reason: reasonFor(c),
      clauses: c.clauses,
      ...(c.brokenClause !== undefined ? { clause: c.brokenClause } : {}),
      ...(c.message !== undefined ? { message: c.message } : {}),
    })),
  };
}

/**
 * A failure is the one the baseline expects when the check, its status (failed vs error) and the clause it
 * breaks all match: a known deviation does not hide a crash of the same check, nor a different broken rule.
 */
export function isExpected(c: CheckResult, entry: BaselineEntry | undefined): boolean {
  if (entry === undefined || entry.status !== c.status) return false;
  return entry.clause === undefined || entry.clause === c.brokenClause;
}

export function applyBaseline(report: ConformanceReport, baseline: Baseline, allIds: ReadonlySet<string>): BaselineVerdict {
  const byId = new Map(baseline.entries.map((e) => [e.id, e]));
  const results = new Map(report.checks.map((c) => [c.id, c]));
  const failures = report.checks.filter(isFailure);
  return {
    newFailures: failures.filter((c) => !isExpected(c, byId.get(c.id))),
    expectedFailures: failures.filter((c) => isExpected(c, byId.get(c.id))),
    stale: baseline.entries.filter((e) => allIds.has(e.id) && results.has(e.id) && !isFailure(results.get(e.id)!) && results.get(e.id)!.status !== 'vacuous'),
    vacuous: report.checks.filter((c) => c.status === 'vacuous'),
    unknown: baseline.entries.filter((e) => !allIds.has(e.id)),
  };
}

export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) throw new TypeError(`baseline ${path}: no such file (write one with \`convkit baseline write\`)`);
  let json: Partial<Baseline>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Partial<Baseline>;
  } catch (e) {
    throw new TypeError(`baseline ${path}: not valid JSON (${(e as Error).message}); it may have been cut short — restore it from version control`);
  }
  if (typeof json !== 'object' || json === null || typeof json.adapter !== 'string' || typeof json.seed !== 'number' || !Array.isArray(json.entries)) {
    throw new TypeError(`baseline ${path}: expected {adapter, seed, entries: [{id, status, reason}]}`);
  }
  for (const e of json.entries) {
    if (typeof e?.id !== 'string' || typeof e?.reason !== 'string' || e.reason.trim() === '') throw new TypeError(`baseline ${path}: every entry needs an id and a non-empty reason (${JSON.stringify(e)})`);
  }
  const first = new Map<string, number>();
  json.entries.forEach((e, i) => {
    const earlier = first.get(e.id);
    // applyBaseline looks each id up once: a second entry would silently replace the first.
    if (earlier !== undefined) throw new TypeError(`baseline ${path}: entries ${earlier + 1} and ${i + 1} both have id ${JSON.stringify(e.id)}; a check has one entry (one status, one reason)`);
    first.set(e.id, i);
  });
  const ids = new Set(first.keys());
  for (const e of json.entries) {
    const root = e.sameRootCauseAs;
    if (root !== undefined && (typeof root !== 'string' || root === e.id || !ids.has(root))) {
      throw new TypeError(`baseline ${path}: entry ${e.id} has sameRootCauseAs=${JSON.stringify(root)}, which must be the id of another entry of this baseline`);
    }
  }
  return json as Baseline;
}

/** What a report prints for an expected failure: the baseline's reason, and the entry it shares a cause with. */
export interface ExpectedFailureNote {
  readonly reason: string;
  readonly sameRootCauseAs?: string;
}

export function expectedFailureNotes(verdict: BaselineVerdict, baseline: Baseline): Map<string, ExpectedFailureNote> {
  const byId = new Map(baseline.entries.map((e) => [e.id, e]));
  return new Map(verdict.expectedFailures.map((c) => {
    const e = byId.get(c.id)!;
    return [c.id, { reason: e.reason, ...(e.sameRootCauseAs !== undefined ? { sameRootCauseAs: e.sameRootCauseAs } : {}) }];
  }));
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileAtomic(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export interface BaselineMerge {
  readonly baseline: Baseline;
  /** Entries of checks that failed this run and were not in the baseline. */
  readonly added: readonly string[];
  /** Entries whose check ran and passed (or was skipped) this time: removed. */
  readonly removed: readonly string[];
  /** Entries kept as they were, with their reasons (checks this run did not run, or that still fail). */
  readonly kept: number;
}

/**
 * `baseline write` over an existing baseline: a check that still fails keeps its entry's reason (its status and
 * message are updated), a new failure is added with `reasonFor`, an entry whose check passed this run is
 * removed, and entries of checks this run did not run (`--only`, `--shard`) are kept untouched.
 */
export function mergeBaseline(old: Baseline, report: ConformanceReport, reasonFor: (c: CheckResult) => string): BaselineMerge {
  const fresh = baselineFromReport(report, reasonFor);
  const freshById = new Map(fresh.entries.map((e) => [e.id, e]));
  // A vacuous check proved nothing either way: its entry is kept as if it had not run (kit.health.vacuous).
  const ran = new Set(report.checks.filter((c) => c.status !== 'vacuous').map((c) => c.id));
  const removed: string[] = [];
  const entries: BaselineEntry[] = [];
  let kept = 0;
  for (const e of old.entries) {
    const now = freshById.get(e.id);
    if (now !== undefined) {
      entries.push({ ...now, reason: e.reason });
      freshById.delete(e.id);
      kept++;
    } else if (ran.has(e.id)) {
      removed.push(e.id);
    } else {
      entries.push(e);
      kept++;
    }
  }
  entries.push(...freshById.values());
  return { baseline: { adapter: fresh.adapter, seed: fresh.seed, entries }, added: [...freshById.keys()], removed, kept };
}
