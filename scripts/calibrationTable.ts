/**
 * Prints spec/numerics.md's calibration table from calibration reports (scripts/calibrationMeasure.ts --json):
 * one row per adapter, one column per operator (conv2d also per K class), each cell the largest error / bound and
 * the calls measured. It reads the reports' data (CalibrationReport), never a printed line.
 *   npx tsx scripts/calibrationTable.ts /tmp/calibration/*.json
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CalibrationReport, CalibrationRow } from './calibrationMeasure.js';

const K_CLASSES = ['K ≤ 32', 'K 33–64', 'K 65–256', 'K > 256'];
const OPERATORS = ['conv2d', 'corr2d', 'convTranspose2d', 'avgPool2d', 'conv2dBackward', 'convTranspose2dBackward', 'avgPool2dBackward'];

function readReport(file: string): CalibrationReport {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<CalibrationReport>;
  if (json.format !== 'convkit-calibration/1' || !Array.isArray(json.rows)) throw new Error(`${file}: format = ${JSON.stringify(json.format)}, but should be "convkit-calibration/1" with rows (scripts/calibrationMeasure.ts --json)`);
  return json as CalibrationReport;
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

export function calibrationTable(reports: readonly CalibrationReport[]): string {
  const ops = OPERATORS.filter((op) => reports.some((r) => r.rows.some((row) => row.operator === op)));
  const head = ['adapter', 'declaration', ...ops.flatMap((op) => (op === 'conv2d' ? ['conv2d', ...K_CLASSES.map((k) => `conv2d ${k}`)] : [op])), 'exact-integers'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of reports) {
    const find = (op: string, k?: string) => r.rows.find((row) => row.operator === op && row.kClass === k);
    const cells = ops.flatMap((op) => (op === 'conv2d' ? [cell(find(op)), ...K_CLASSES.map((k) => cell(find(op, k)))] : [cell(find(op))]));
    lines.push(`| ${[r.adapterSpec, declarationText(r), ...cells, r.exactIntegers ?? '—'].join(' | ')} |`);
  }
  const seeds = [...new Set(reports.map((r) => `seed ${r.seed}, ${r.runs} runs`))].join('; ');
  return `${lines.join('\n')}\n\nlargest |y − y_ref| / declared bound (calls measured); ${seeds}; ≤ 1 passes\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: calibrationTable.ts <calibration report.json>…');
  process.stdout.write(calibrationTable(files.map(readReport)));
}
