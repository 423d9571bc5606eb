/**
 * Prints spec/numerics.md's calibration table from calibration reports (scripts/calibrationMeasure.ts --json):
 * one row per adapter, one column per operator (conv2d also per K class), each cell the largest error / bound and
 * the calls measured; and from conformance reports (`convkit run --json`, matched by adapterSpec) the status of each
 * `<id>.exact-integers` check (`num.exact-integers`). It reads the reports' data, never a printed line.
 *   npx tsx scripts/calibrationTable.ts scripts/calibration/*.json
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CalibrationReport, CalibrationRow } from './calibrationMeasure.js';

const K_CLASSES = ['K ≤ 32', 'K 33–64', 'K 65–256', 'K > 256'];
const OPERATORS = ['conv2d', 'corr2d', 'convTranspose2d', 'avgPool2d', 'conv2dBackward', 'convTranspose2dBackward', 'avgPool2dBackward'];

/** The exact-integers checks of one conformance run, by check id. */
export interface ExactStatuses {
  readonly adapterSpec: string;
  readonly statuses: Readonly<Record<string, string>>;
}

const EXACT_CHECKS = ['conv2d.exact-integers', 'corr2d.exact-integers', 'conv-transpose2d.exact-integers'];

function readReport(file: string): CalibrationReport | ExactStatuses {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; rows?: unknown; adapterSpec?: unknown; checks?: { id: string; status: string }[] };
  if (json.format === 'convkit-calibration/1' && Array.isArray(json.rows)) return json as unknown as CalibrationReport;
  if (json.format === 'convkit-report/1' && typeof json.adapterSpec === 'string' && Array.isArray(json.checks)) {
    return { adapterSpec: json.adapterSpec, statuses: Object.fromEntries(json.checks.filter((c) => EXACT_CHECKS.includes(c.id)).map((c) => [c.id, c.status])) };
  }
  throw new Error(`${file}: format = ${JSON.stringify(json.format)}, but should be "convkit-calibration/1" (scripts/calibrationMeasure.ts --json) or "convkit-report/1" with adapterSpec (convkit run --json)`);
}

/** 0.50 as 0.50, 0.0041 as 4.1e-3, 8.4·10⁶ as 8.4e6: two significant digits. */
function ratioText(r: number): string {
  if (r === 0) return '0';
  return r >= 0.01 && r < 100 ? r.toPrecision(2) : r.toExponential(1).replace('e+', 'e');
}

const cell = (row: CalibrationRow | undefined) => (row === undefined ? '—' : `${ratioText(row.worstRatio)} (${row.calls})`);

function declarationText(report: CalibrationReport): string {
  const d = report.rows.find((r) => r.operator === 'conv2d')?.declaration ?? report.rows[0]?.declaration;
  if (d === undefined) return report.dtype;
  return d.storage === d.accumulate ? `${d.algorithm} ${d.storage}` : `${d.algorithm} ${d.storage} / ${d.accumulate} sums`;
}

export function calibrationTable(reports: readonly CalibrationReport[], exact: readonly ExactStatuses[] = []): string {
  const ops = OPERATORS.filter((op) => reports.some((r) => r.rows.some((row) => row.operator === op)));
  const head = ['adapter', 'declaration', 'runs', ...ops.flatMap((op) => (op === 'conv2d' ? ['conv2d', ...K_CLASSES.map((k) => `conv2d ${k}`)] : [op])), ...EXACT_CHECKS];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of reports) {
    const find = (op: string, k?: string) => r.rows.find((row) => row.operator === op && row.kClass === k);
    const cells = ops.flatMap((op) => (op === 'conv2d' ? [cell(find(op)), ...K_CLASSES.map((k) => cell(find(op, k)))] : [cell(find(op))]));
    const statuses = exact.find((e) => e.adapterSpec === r.adapterSpec)?.statuses ?? (r.exactIntegers !== undefined ? { 'conv2d.exact-integers': r.exactIntegers } : {});
    lines.push(`| ${[r.adapterSpec, declarationText(r), String(r.runs), ...cells, ...EXACT_CHECKS.map((id) => statuses[id] ?? '—')].join(' | ')} |`);
  }
  const seeds = [...new Set(reports.map((r) => r.seed))].join(', ');
  return `${lines.join('\n')}\n\nlargest |y − y_ref| / declared bound (calls measured); seed ${seeds}, default scale, runs = cases per property; ≤ 1 passes\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: calibrationTable.ts <calibration report.json>…');
  const read = files.map(readReport);
  const isCalibration = (r: CalibrationReport | ExactStatuses): r is CalibrationReport => 'rows' in r;
  process.stdout.write(calibrationTable(read.filter(isCalibration), read.filter((r): r is ExactStatuses => !isCalibration(r))));
}
