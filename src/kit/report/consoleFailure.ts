/**
 * One failed or errored check for a terminal: the message, the spec clauses, the shrunk counterexample as
 * grids, expected | actual | difference side by side with the tolerance, the replay command, and a
 * copy-paste reproduction.
 */
import pc from 'picocolors';
import type { CheckResult } from '../../check/checkResult.js';
import { describeFingerprint, fingerprintRatios } from '../../check/precisionFingerprint.js';
import { formatCounterexample } from './formatCounterexample.js';
import { formatGrid } from './formatGrid.js';
import { formatNumber } from './formatNumber.js';
import { failureComparison, isMismatch, type FailureComparison } from './failureComparison.js';
import { formatReproduction } from './formatReproduction.js';
import { explainText } from './diagnosisText.js';
import { shapeText, type ReportTensor } from './reportTensor.js';

export type Colors = ReturnType<typeof pc.createColors>;

export interface FailureContext {
  readonly replay: (c: CheckResult) => string;
  readonly adapterSpec: string;
  readonly colors: Colors;
}

const visibleWidth = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/** Blocks of lines next to each other, when they fit in `maxWidth`; else one under the other. */
export function sideBySide(blocks: ReadonlyArray<{ title: string; lines: string[] }>, maxWidth = 110, separator = '  │  '): string[] {
  const gap = separator.length;
  const widths = blocks.map((b) => Math.max(visibleWidth(b.title), ...b.lines.map(visibleWidth)));
  if (widths.reduce((a, b) => a + b + gap, -gap) > maxWidth) return blocks.flatMap((b) => [b.title, ...b.lines.map((l) => `  ${l}`)]);
  const height = Math.max(...blocks.map((b) => b.lines.length));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - visibleWidth(s)));
  const row = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join(separator).trimEnd();
  const out = [row(blocks.map((b) => b.title))];
  for (let r = 0; r < height; r++) out.push(row(blocks.map((b) => `${b.lines[r] ?? ''}`)));
  return out;
}

function comparisonLines(c: FailureComparison, colors: Colors): string[] {
  if (c.expected === null || c.actual === null) return [];
  const mark = (t: string, i: number) => (isMismatch(c, i) ? colors.red(t) : t);
  const block = (title: string, t: ReportTensor, marked: boolean) => ({
    title: colors.dim(`${title} ${shapeText(t.shape)}`),
    lines: formatGrid(t, marked ? { style: mark } : {}).split('\n'),
  });
  const blocks = [block('expected', c.expected, false), block('actual', c.actual, true)];
  if (c.difference !== null) blocks.push(block('actual − expected', c.difference, true));
  if (c.bound !== null && typeof c.bound !== 'number') blocks.push(block('tolerance', c.bound, false));
  return sideBySide(blocks);
}

function toleranceLine(c: FailureComparison): string | null {
  const parts: string[] = [];
  const at = c.firstMismatch ? `, first at [${c.firstMismatch.join(', ')}]` : '';
  if (typeof c.bound === 'number') parts.push(`${c.bound === 0 ? 'exact' : `± ${formatNumber(c.bound, 3)} per element`}${at}`);
  else if (c.bound === null && c.toleranceText !== null) parts.push(`${c.toleranceText}${at}`);
  const total = c.expected?.data.length;
  if (c.mismatches !== null) parts.push(`mismatches: ${c.mismatches}${total !== undefined ? ` of ${total} elements` : ''}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

export function formatConsoleFailure(check: CheckResult, context: FailureContext): string[] {
  const { colors } = context;
  const label = check.status === 'failed' ? colors.red(colors.bold('FAIL')) : colors.magenta(colors.bold('ERROR'));
  const field = (name: string) => colors.dim(name.padEnd(10));
  const lines = [`${label} ${colors.bold(check.id)}`];
  if (check.message) lines.push(...check.message.split('\n').map((l) => `  ${l}`));
  if (check.clauses.length > 0) lines.push(`  ${field('clauses')}${check.clauses.map((c) => `§${c}`).join(' ')}`);
  if (check.diagnosis !== undefined) {
    for (const c of check.diagnosis.conventions) lines.push(`  ${field('follows')}${colors.yellow(c.id)}: ${c.title}`, `  ${field('')}${colors.dim(`source: ${c.source}`)}`);
    const explain = explainText(check.diagnosis);
    if (explain !== null) lines.push(`  ${field('explain')}${explain}`);
  }
  if (check.counterexample !== undefined) {
    lines.push(`  ${field('counterexample')}${check.replay !== undefined ? colors.dim(` (run seed ${check.replay.runSeed})`) : ''}`);
    lines.push(...formatCounterexample(check.counterexample, '    '));
  }
  const comparison = failureComparison(check);
  const grids = comparisonLines(comparison, colors);
  if (grids.length > 0) lines.push(...grids.map((l) => `  ${l}`));
  const tolerance = toleranceLine(comparison);
  if (tolerance !== null) lines.push(`  ${field('tolerance')}${tolerance}`);
  if (check.fingerprint !== undefined) {
    lines.push(`  ${field('precision')}${colors.yellow(describeFingerprint(check.fingerprint))}`);
    lines.push(`  ${field('')}${colors.dim(`error/bound: ${fingerprintRatios(check.fingerprint)}`)}`);
  }
  lines.push(`  ${field('replay')}${colors.cyan(context.replay(check))}`);
  const repro = formatReproduction(check, context.adapterSpec);
  if (repro !== null) lines.push(`  ${colors.dim('reproduce')}`, ...repro.split('\n').map((l) => (l === '' ? '' : `    ${l}`)));
  return lines;
}
