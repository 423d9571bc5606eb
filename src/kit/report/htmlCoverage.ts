/**
 * The HTML report's coverage heat map (`kit.coverage`): one row per class of each cell dimension, one column
 * per operator, each cell the calls that landed in that class, shaded on a log scale of the operator's calls.
 * A known class no call reached is marked as a gap; a dimension that does not apply to an operator is blank.
 * The coverage warnings follow as a list.
 */
import { CELL_DIMENSIONS } from '../coverage/coverageCell.js';
import { dimensionCoverage, type DimensionCoverage } from '../coverage/dimensionCoverage.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import { escapeXml } from './escapeXml.js';

export const COVERAGE_STYLE = `
table.coverage { border-collapse: collapse; font-size: 11px; }
.coverage th, .coverage td { border: 1px solid #d0d0d0; padding: 2px 6px; text-align: right; }
.coverage thead th { background: #f0f0f0; } .coverage tbody th { text-align: left; background: #f7f7f7; font-weight: 400; }
.coverage th.dim { font-weight: 600; vertical-align: top; } .coverage td.gap { background: #fdf3d0; color: #7a5b00; }
.coverage td.na { background: #fafafa; color: #bbb; } ul.coverage-warnings li { color: #7a5b00; }
`;

/** Green on a log scale: 0 calls white, the operator's busiest class full. */
function shade(calls: number, max: number): string {
  const t = max <= 1 ? 1 : Math.log1p(calls) / Math.log1p(max);
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${mix(247, 76)},${mix(252, 175)},${mix(245, 80)})`;
}

export function coverageHtml(coverage: RunCoverage): string {
  if (coverage.operators.length === 0) return '<p>No property ran: no coverage.</p>';
  const perOperator = coverage.operators.map((op) => ({ op, dims: new Map(dimensionCoverage(op).map((d) => [d.dimension, d])) }));
  const header = `<tr><th>dimension</th><th>class</th>${perOperator.map(({ op }) => `<th>${escapeXml(op.operator)}<br><span class="shape">${op.calls} calls · ${op.cells.length} cells</span></th>`).join('')}</tr>`;
  const rows: string[] = [];
  for (const dimension of CELL_DIMENSIONS) {
    const values: string[] = [];
    for (const { dims } of perOperator) for (const c of dims.get(dimension)!.classes) if (!values.includes(c.value)) values.push(c.value);
    values.forEach((value, i) => {
      const cells = perOperator.map(({ op, dims }) => {
        const d: DimensionCoverage = dims.get(dimension)!;
        const found = d.classes.find((c) => c.value === value);
        if (found === undefined) return '<td class="na"></td>';
        if (found.calls === 0) return `<td class="gap" title="not reached">0</td>`;
        const max = Math.max(...d.classes.map((c) => c.calls));
        return `<td style="background: ${shade(found.calls, max)}" title="${escapeXml(`${op.operator}: ${dimension} ${value}: ${found.calls} calls`)}">${found.calls}</td>`;
      });
      const dimCell = i === 0 ? `<th class="dim" rowspan="${values.length}">${escapeXml(dimension)}</th>` : '';
      rows.push(`<tr>${dimCell}<th>${escapeXml(value)}</th>${cells.join('')}</tr>`);
    });
  }
  const warnings = coverage.warnings.length === 0
    ? '<p>Every property reached every boundary it declares.</p>'
    : `<ul class="coverage-warnings">${coverage.warnings.map((w) => `<li><code>${escapeXml(w.property)}</code> never reached <code>${escapeXml(w.boundary)}</code> (${escapeXml(w.operator)})</li>`).join('')}</ul>`;
  return `<div class="matrix-wrap"><table class="coverage"><thead>${header}</thead><tbody>${rows.join('')}</tbody></table></div>\n${warnings}`;
}
