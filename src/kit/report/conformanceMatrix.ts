/**
 * The conformance matrix: operator × property family × library, each cell pass / deviation / unsupported,
 * generated from JSON reports and each library's baseline (a failure the baseline explains is a deviation; one
 * it does not is a FAIL, which should never reach README). Written between markers in README by `convkit matrix`.
 */
import type { CheckResult } from '../../check/checkResult.js';
import { FAMILIES, familyOf, operatorOf } from './checkGroups.js';

export interface LibraryReport {
  readonly library: string;
  readonly checks: readonly CheckResult[];
  /** Ids the library's baseline records as known deviations. */
  readonly deviations: ReadonlySet<string>;
}

const MARK_START = '<!-- conformance-matrix:start -->';
const MARK_END = '<!-- conformance-matrix:end -->';

function cell(checks: readonly CheckResult[], deviations: ReadonlySet<string>): string {
  if (checks.length === 0) return '';
  const passed = checks.filter((c) => c.status === 'passed').length;
  const skipped = checks.filter((c) => c.status === 'skipped').length;
  const vacuous = checks.filter((c) => c.status === 'vacuous').length;
  const failing = checks.filter((c) => c.status === 'failed' || c.status === 'error');
  const deviation = failing.filter((c) => deviations.has(c.id)).length;
  const unexplained = failing.length - deviation;
  const parts: string[] = [];
  if (unexplained > 0) parts.push(`**FAIL ${unexplained}**`);
  if (deviation > 0) parts.push(`deviation ${deviation}`);
  if (passed > 0) parts.push(deviation + unexplained + skipped + vacuous === 0 ? 'pass' : `pass ${passed}`);
  if (skipped > 0) parts.push(passed + failing.length === 0 ? 'unsupported' : `unsupported ${skipped}`);
  if (vacuous > 0) parts.push(`vacuous ${vacuous}`);
  return parts.join(', ');
}

export function conformanceMatrix(libraries: readonly LibraryReport[]): string {
  const rows = new Map<string, Map<string, CheckResult[]>>();
  for (const lib of libraries) {
    for (const c of lib.checks) {
      const key = `${c.operator}\u0000${c.family}`;
      const perLib = rows.get(key) ?? new Map<string, CheckResult[]>();
      perLib.set(lib.library, [...(perLib.get(lib.library) ?? []), c]);
      rows.set(key, perLib);
    }
  }
  const order = (key: string) => {
    const [op = '', family = ''] = key.split('\u0000');
    return `${op}\u0000${String(FAMILIES.indexOf(family as (typeof FAMILIES)[number])).padStart(2, '0')}`;
  };
  const lines = [
    `| operator | property family | ${libraries.map((l) => l.library).join(' | ')} |`,
    `|---|---|${libraries.map(() => '---').join('|')}|`,
  ];
  for (const key of [...rows.keys()].sort((a, b) => order(a).localeCompare(order(b)))) {
    const [op, family] = key.split('\u0000');
    const perLib = rows.get(key)!;
    lines.push(`| ${op} | ${family} | ${libraries.map((l) => cell(perLib.get(l.library) ?? [], l.deviations)).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** README with the matrix replaced between its markers (appended with them when absent). */
export function withMatrix(readme: string, matrix: string, note: string): string {
  const block = `${MARK_START}\n${note}\n\n${matrix}\n${MARK_END}`;
  const start = readme.indexOf(MARK_START);
  const end = readme.indexOf(MARK_END);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${block}${readme.slice(end + MARK_END.length)}`;
  return `${readme.trimEnd()}\n\n${block}\n`;
}
