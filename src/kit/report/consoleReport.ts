/** Formats a conformance report for a terminal: one line per failure or error, then a summary. */
import pc from 'picocolors';
import type { CheckResult, CheckStatus } from '../../check/checkResult.js';
import type { ConformanceReport } from '../runConformance.js';

export function countByStatus(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { passed: 0, failed: 0, skipped: 0, error: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

function counterexampleText(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return text === undefined ? '' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

export function formatConsoleReport(report: ConformanceReport, replayCommand: (c: CheckResult) => string): string {
  const lines: string[] = [pc.bold(`convkit: ${report.adapter} (${report.dtype}), seed ${report.seed}, ${report.runs} runs per property`), ''];
  for (const c of report.checks) {
    if (c.status === 'failed' || c.status === 'error') {
      lines.push(`${c.status === 'failed' ? pc.red('FAIL') : pc.magenta('ERROR')} ${pc.bold(c.id)}  §${c.clauses.join(' §')}`);
      if (c.message) lines.push(`  ${c.message}`);
      if (c.counterexample !== undefined) lines.push(`  counterexample: ${counterexampleText(c.counterexample)}`);
      lines.push(`  replay: ${replayCommand(c)}`, '');
    }
  }
  const skipped = report.checks.filter((c) => c.status === 'skipped');
  if (skipped.length > 0) {
    lines.push(pc.yellow(`skipped ${skipped.length}:`));
    for (const c of skipped) lines.push(`  ${c.id}: ${c.message ?? ''}`);
    lines.push('');
  }
  const n = countByStatus(report.checks);
  lines.push(`${pc.green(`${n.passed} passed`)}, ${n.failed > 0 ? pc.red(`${n.failed} failed`) : '0 failed'}, ${n.error > 0 ? pc.magenta(`${n.error} errors`) : '0 errors'}, ${n.skipped} skipped (${report.checks.length} checks)`);
  return lines.join('\n');
}
