/**
 * The run's summary for a terminal: status counts by operator and by property family (checkGroups.ts), as
 * two small aligned tables, failures and errors coloured.
 */
import type { CheckResult, CheckStatus } from '../../check/checkResult.js';
import { countBy, FAMILIES, familyOf, OPERATOR_ORDER, operatorOf, STATUSES, type StatusCounts } from './checkGroups.js';
import type { Colors } from './consoleFailure.js';

function table(title: string, groups: Map<string, StatusCounts>, colors: Colors, statuses: readonly CheckStatus[]): string[] {
  const nameWidth = Math.max(title.length, ...[...groups.keys()].map((k) => k.length + 2));
  const header = `${title.padEnd(nameWidth)}${statuses.map((s) => s.padStart(9)).join('')}`;
  const paint = (s: CheckStatus, n: number, text: string) =>
    n === 0 ? colors.dim(text) : s === 'failed' ? colors.red(text) : s === 'error' ? colors.magenta(text) : s === 'skipped' || s === 'vacuous' ? colors.yellow(text) : colors.green(text);
  const rows = [...groups].map(([name, counts]) => `  ${name.padEnd(nameWidth - 2)}${statuses.map((s) => paint(s, counts[s], String(counts[s]).padStart(9))).join('')}`);
  return [colors.bold(header), ...rows];
}

export function formatConsoleSummary(checks: readonly CheckResult[], colors: Colors): string[] {
  // The vacuous column only when some check is (kit.health.vacuous): the usual tables keep their four columns.
  const statuses = checks.some((c) => c.status === 'vacuous') ? STATUSES : STATUSES.filter((s) => s !== 'vacuous');
  return [
    ...table('by operator', countBy(checks, operatorOf, OPERATOR_ORDER), colors, statuses),
    '',
    ...table('by property family', countBy(checks, familyOf, FAMILIES), colors, statuses),
  ];
}
