/**
 * The HTML report's pass/fail matrix: operators down, property families across; each cell counts its checks
 * by status and is coloured by the worst (error, failed, skipped, passed); its tooltip lists the checks.
 */
import type { CheckResult } from '../../check/checkResult.js';
import { countByStatus, FAMILIES, familyOf, OPERATOR_ORDER, operatorOf } from './checkGroups.js';
import { escapeXml } from './escapeXml.js';

function ordered(keys: Iterable<string>, order: readonly string[]): string[] {
  const present = new Set(keys);
  return [...order.filter((k) => present.has(k)), ...[...present].filter((k) => !order.includes(k)).sort()];
}

function cell(checks: readonly CheckResult[]): string {
  if (checks.length === 0) return '<td class="none"></td>';
  const n = countByStatus(checks);
  const worst = n.error > 0 ? 'error' : n.failed > 0 ? 'failed' : (n.skipped > 0 || n.vacuous > 0) && n.passed === 0 ? 'skipped' : 'passed';
  const parts = [
    n.passed > 0 ? `<span class="n-passed">${n.passed} pass</span>` : '',
    n.failed > 0 ? `<span class="n-failed">${n.failed} fail</span>` : '',
    n.error > 0 ? `<span class="n-error">${n.error} error</span>` : '',
    n.skipped > 0 ? `<span class="n-skipped">${n.skipped} skip</span>` : '',
    n.vacuous > 0 ? `<span class="n-skipped">${n.vacuous} vacuous</span>` : '',
  ].filter(Boolean);
  const tip = checks.map((c) => `${c.status.padEnd(8)} ${c.id}`).join('\n');
  return `<td class="cell ${worst}" title="${escapeXml(tip)}">${parts.join('<br>')}</td>`;
}

export function statusMatrixHtml(checks: readonly CheckResult[]): string {
  const operators = ordered(checks.map((c) => c.operator), OPERATOR_ORDER);
  const families = ordered(checks.map((c) => c.family), FAMILIES);
  const head = `<tr><th class="corner">operator \\ family</th>${families.map((f) => `<th scope="col">${escapeXml(f)}</th>`).join('')}<th scope="col">all</th></tr>`;
  const rows = operators.map((op) => {
    const mine = checks.filter((c) => c.operator === op);
    const cells = families.map((f) => cell(mine.filter((c) => c.family === f)));
    return `<tr><th scope="row">${escapeXml(op)}</th>${cells.join('')}${cell(mine)}</tr>`;
  });
  const totals = `<tr class="totals"><th scope="row">all</th>${families.map((f) => cell(checks.filter((c) => c.family === f))).join('')}${cell(checks)}</tr>`;
  return `<table id="matrix" class="matrix"><thead>${head}</thead><tbody>${rows.join('')}${totals}</tbody></table>`;
}
