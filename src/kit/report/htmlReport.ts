/**
 * The HTML report (`--html FILE`): one self-contained page — inline CSS, inline SVG, no scripts, no network —
 * with the pass/fail matrix (operator × property family), then every failure with its counterexample drawn
 * as heat maps (htmlFailure.ts), then the skipped checks with why.
 */
import type { CheckResult } from '../../check/checkResult.js';
import type { ConformanceReport } from '../runConformance.js';
import { formatTotals } from './consoleReport.js';
import { escapeXml } from './escapeXml.js';
import { failureHtml } from './htmlFailure.js';
import { statusMatrixHtml } from './htmlMatrix.js';
import { COVERAGE_STYLE, coverageHtml } from './htmlCoverage.js';
import { replayCommand } from './replayCommand.js';
import pc from 'picocolors';

export interface HtmlReportContext {
  /** The `--adapter` argument, for replay commands and reproductions. */
  readonly adapterSpec?: string;
  /** Overrides the time stamp (for reproducible output in tests). */
  readonly generatedAt?: Date;
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 24px auto; max-width: 1240px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; } h4 { font-size: 12px; font-weight: 600; margin: 0 0 4px; color: #444; }
.meta { color: #555; margin: 0; } .totals-line { font-weight: 600; margin: 8px 0 0; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f6f6; border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px 10px; white-space: pre-wrap; word-break: break-word; margin: 6px 0; }
table.matrix { border-collapse: collapse; font-size: 12px; }
.matrix th, .matrix td { border: 1px solid #d0d0d0; padding: 4px 7px; text-align: center; vertical-align: middle; min-width: 44px; }
.matrix-wrap { overflow-x: auto; }
.matrix thead th { background: #f0f0f0; font-weight: 600; } .matrix tbody th { text-align: left; background: #f7f7f7; font-weight: 600; }
.matrix tr.totals th, .matrix tr.totals td { border-top: 2px solid #999; }
.matrix .corner { color: #666; font-weight: 400; }
td.none { background: #fff; }
td.passed { background: #dff3e3; color: #17602a; } td.failed { background: #fbdcdc; color: #8a1010; font-weight: 600; }
td.error { background: #f1dcf5; color: #6d1780; font-weight: 600; } td.skipped { background: #fdf3d0; color: #7a5b00; }
.cell span { white-space: nowrap; } .cell .n-passed { color: #17602a; } .cell .n-failed { color: #b71c1c; }
.cell .n-error { color: #6d1780; } .cell .n-skipped { color: #7a5b00; font-weight: 400; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 3px; color: #fff; vertical-align: 1px; }
.badge.failed { background: #c62828; } .badge.error { background: #8e24aa; }
section.failure { border: 1px solid #e0e0e0; border-left: 4px solid #c62828; border-radius: 4px; padding: 12px 14px; margin: 14px 0; }
section.failure.error { border-left-color: #8e24aa; }
.clauses code { background: #eef3fb; padding: 1px 4px; border-radius: 3px; margin-right: 2px; }
.diagnosis { background: #fff8e1; border-radius: 3px; padding: 4px 10px; margin: 8px 0; } .diagnosis ul { margin: 2px 0; } .diagnosis .source { color: #666; font-size: 90%; }
.replay code { background: #f6f6f6; padding: 2px 5px; border-radius: 3px; }
.panels { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; margin: 10px 0; }
.panel { background: #fafafa; border: 1px solid #eee; border-radius: 4px; padding: 6px 8px; }
.shape { color: #888; font-weight: 400; }
.heatmap { display: flex; flex-wrap: wrap; gap: 8px; }
.heatmap figure { margin: 0; } .heatmap figcaption { font: 10px ui-monospace, monospace; color: #777; }
svg.heat { display: block; } svg.heat text { font-family: ui-monospace, monospace; text-anchor: middle; dominant-baseline: central; pointer-events: none; }
.legend { display: flex; align-items: center; gap: 4px; font: 10px ui-monospace, monospace; color: #666; margin-top: 4px; }
.legend .bar { display: inline-block; width: 80px; height: 8px; border: 1px solid #ccc; }
.tolerance { color: #555; font-size: 12px; margin: 0; }
details summary { cursor: pointer; color: #333; font-size: 13px; margin-top: 6px; }
ul.skipped li { margin: 2px 0; } .more { font-size: 11px; color: #777; }
`;

export function toHtmlReport(report: ConformanceReport, context: HtmlReportContext = {}): string {
  const adapterSpec = context.adapterSpec ?? './my-adapter.ts';
  const replay = (c: CheckResult) => replayCommand(c, adapterSpec);
  const failing = report.checks.filter((c) => c.status === 'failed' || c.status === 'error');
  const skipped = report.checks.filter((c) => c.status === 'skipped');
  const vacuous = report.checks.filter((c) => c.status === 'vacuous');
  const title = `convkit: ${report.adapter} (${report.dtype})`;
  const when = (context.generatedAt ?? new Date()).toISOString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${STYLE}${report.coverage ? COVERAGE_STYLE : ''}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="meta">seed ${report.seed} · ${report.runs} runs per property · adapter <code>${escapeXml(adapterSpec)}</code> · ${escapeXml(when)}</p>
<p class="totals-line">${escapeXml(formatTotals(report.checks, pc.createColors(false)))}</p>
<h2>Checks by operator and property family</h2>
<div class="matrix-wrap">${statusMatrixHtml(report.checks)}</div>
<h2>Failures and errors (${failing.length})</h2>
${failing.length === 0 ? '<p>None: every check that ran passed.</p>' : failing.map((c) => failureHtml(c, replay(c), adapterSpec)).join('\n')}
${vacuous.length > 0 ? `<h2>Vacuous (${vacuous.length}): held, but proved little</h2>\n<ul class="skipped vacuous">${vacuous.map((c) => `<li><code>${escapeXml(c.id)}</code>: ${escapeXml(c.message ?? '')}</li>`).join('')}</ul>` : ''}
${report.coverage ? `<h2>Coverage of the configuration space</h2>\n${coverageHtml(report.coverage)}` : ''}
${skipped.length > 0 ? `<h2>Skipped (${skipped.length})</h2>\n<ul class="skipped">${skipped.map((c) => `<li><code>${escapeXml(c.id)}</code>: ${escapeXml(c.message ?? '')}</li>`).join('')}</ul>` : ''}
</body>
</html>
`;
}
