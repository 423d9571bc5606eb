/**
 * Formats a conformance report for a terminal: each failure and error in full (consoleFailure.ts), the
 * skipped checks with why, the summary by operator and property family, then one closing line of counts.
 */
import pc from 'picocolors';
import type { CheckResult } from '../../check/checkResult.js';
import type { ExpectedFailureNote } from '../ci/baseline.js';
import type { ConformanceReport } from '../runConformance.js';
import { countByStatus } from './checkGroups.js';
import { formatConsoleFailure, type Colors } from './consoleFailure.js';
import { formatConsoleSummary } from './consoleSummary.js';
import { formatConsoleCoverage } from './consoleCoverage.js';
import { replayCommand } from './replayCommand.js';

export { countByStatus } from './checkGroups.js';

export interface ConsoleReportOptions {
  /** The `--adapter` argument, for the reproduction's import (default `./my-adapter.ts`). */
  readonly adapterSpec?: string;
  /** Colours on or off (default: picocolors' detection of the terminal). */
  readonly color?: boolean;
  /**
   * Failures a baseline expects, by check id, with the baseline's reason: each prints as one line (id, reason,
   * "as expected") instead of in full, those with the same root cause as another under it.
   * `convkit run --baseline` passes them unless `--verbose`.
   */
  readonly expected?: ReadonlyMap<string, ExpectedFailureNote>;
}

/** The closing line: `40 passed, 7 failed, 0 errors, 2 skipped (49 checks)`. */
export function formatTotals(checks: readonly CheckResult[], colors: Colors = pc): string {
  const n = countByStatus(checks);
  return [
    colors.green(`${n.passed} passed`),
    n.failed > 0 ? colors.red(`${n.failed} failed`) : '0 failed',
    n.error > 0 ? colors.magenta(`${n.error} errors`) : '0 errors',
    n.skipped > 0 ? colors.yellow(`${n.skipped} skipped`) : '0 skipped',
    // Shown only when there are some: a vacuous check held but proved little (kit.health.vacuous).
    ...(n.vacuous > 0 ? [colors.yellow(`${n.vacuous} vacuous`)] : []),
  ].join(', ') + ` (${checks.length} checks)`;
}

export function formatConsoleReport(report: ConformanceReport, replay?: (c: CheckResult) => string, options: ConsoleReportOptions = {}): string {
  const colors = pc.createColors(options.color ?? pc.isColorSupported);
  const adapterSpec = options.adapterSpec ?? './my-adapter.ts';
  const context = { replay: replay ?? ((c: CheckResult) => replayCommand(c, adapterSpec)), adapterSpec, colors };
  const lines: string[] = [colors.bold(`convkit: ${report.adapter} (${report.dtype}), seed ${report.seed}, ${report.runs} runs per property`), ''];
  const expected = report.checks.filter((c) => options.expected?.has(c.id) && (c.status === 'failed' || c.status === 'error'));
  for (const c of report.checks) {
    if ((c.status === 'failed' || c.status === 'error') && !expected.includes(c)) lines.push(...formatConsoleFailure(c, context), '');
  }
  if (expected.length > 0) lines.push(...expectedLines(expected, options.expected!, colors), '');
  const skipped = report.checks.filter((c) => c.status === 'skipped');
  if (skipped.length > 0) {
    lines.push(colors.yellow(`skipped ${skipped.length}:`));
    for (const c of skipped) lines.push(`  ${c.id}: ${c.message ?? ''}`);
    lines.push('');
  }
  const vacuous = report.checks.filter((c) => c.status === 'vacuous');
  if (vacuous.length > 0) {
    lines.push(colors.yellow(`vacuous ${vacuous.length} (held, but proved little: not counted as passed):`));
    for (const c of vacuous) lines.push(`  ${c.id}: ${c.message ?? ''}`);
    lines.push('');
  }
  lines.push(...formatConsoleSummary(report.checks, colors), '');
  const coverage = report.coverage ? formatConsoleCoverage(report.coverage, colors) : [];
  if (coverage.length > 0) lines.push(...coverage, '');
  lines.push(formatTotals(report.checks, colors));
  return lines.join('\n');
}

/** One line per expected failure; one that shares its root cause with another shown follows it, indented. */
function expectedLines(failures: readonly CheckResult[], notes: ReadonlyMap<string, ExpectedFailureNote>, colors: Colors): string[] {
  const shown = new Set(failures.map((c) => c.id));
  const rootOf = (c: CheckResult) => {
    const root = notes.get(c.id)?.sameRootCauseAs;
    return root !== undefined && shown.has(root) ? root : undefined;
  };
  const verdict = (c: CheckResult) => colors.dim(`— ${c.status === 'failed' ? 'failed' : 'error'}, as expected`);
  const lines = [colors.dim(`expected by the baseline ${failures.length} (--verbose shows them in full):`)];
  for (const c of failures.filter((f) => rootOf(f) === undefined)) {
    lines.push(`  ${c.id}: ${notes.get(c.id)?.reason ?? ''} ${verdict(c)}`);
    for (const d of failures.filter((f) => rootOf(f) === c.id)) lines.push(`    ${d.id}: same root cause as ${c.id} ${verdict(d)}`);
  }
  return lines;
}
