/**
 * A small tensor as an aligned grid of numbers, the way one would write it on paper: an NCHW tensor plane by
 * plane, each plane labelled with its leading indices `[n, c]`, numbers right-aligned in one column width,
 * at most 6 significant digits. A tensor too large to read that way is summarised (shape, range, mean,
 * non-finite counts) instead.
 */
import { formatNumber } from './formatNumber.js';
import { asReportTensor, shapeText, type ReportTensor } from './reportTensor.js';

export interface GridConstraints {
  /** Above this many elements the tensor is summarised (default 144). */
  readonly maxElements?: number;
  /** Above this many columns the tensor is summarised (default 16). */
  readonly maxColumns?: number;
  /** Decorates a cell after alignment (e.g. colours a mismatching element); gets the flat index. */
  readonly style?: (text: string, index: number) => string;
}

/** `[2, 4, 9, 9]: 648 values in [−2.5, 3.1], mean 0.0213, 2 NaN` */
export function summarizeTensor(t: ReportTensor): string {
  const finite = t.data.filter(Number.isFinite);
  const nan = t.data.filter(Number.isNaN).length;
  const inf = t.data.length - finite.length - nan;
  const parts = [`${shapeText(t.shape)}: ${t.data.length} values`];
  if (finite.length > 0) {
    const min = finite.reduce((a, b) => Math.min(a, b));
    const max = finite.reduce((a, b) => Math.max(a, b));
    const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
    parts[0] += ` in [${formatNumber(min)}, ${formatNumber(max)}]`;
    parts.push(`mean ${formatNumber(mean)}`);
  }
  if (nan > 0) parts.push(`${nan} NaN`);
  if (inf > 0) parts.push(`${inf} ±Inf`);
  return parts.join(', ');
}

/** The tensor's planes: rank ≥ 3 splits into its last two axes, each labelled with the leading indices. */
export function tensorPlanes(t: ReportTensor): { label: string | null; offset: number; rows: number; cols: number }[] {
  const rank = t.shape.length;
  const cols = rank === 0 ? 1 : t.shape[rank - 1]!;
  const rows = rank < 2 ? 1 : t.shape[rank - 2]!;
  const lead = t.shape.slice(0, Math.max(0, rank - 2));
  const count = lead.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, p) => {
    const index: number[] = [];
    for (let d = lead.length - 1, q = p; d >= 0; d--) {
      index.unshift(q % lead[d]!);
      q = Math.floor(q / lead[d]!);
    }
    return { label: lead.length > 0 ? `[${index.join(', ')}]` : null, offset: p * rows * cols, rows, cols };
  });
}

/** The grid as text (lines joined by \n, no trailing newline); null-safe for anything that is not a tensor. */
export function formatGrid(tensor: unknown, constraints: GridConstraints = {}): string {
  const t = asReportTensor(tensor);
  if (t === null) return String(tensor);
  const maxElements = constraints.maxElements ?? 144;
  const maxColumns = constraints.maxColumns ?? 16;
  const cols = t.shape.length === 0 ? 1 : t.shape[t.shape.length - 1]!;
  if (t.data.length === 0) return `${shapeText(t.shape)}: empty`;
  if (t.data.length > maxElements || cols > maxColumns) return summarizeTensor(t);
  const texts = t.data.map((v) => formatNumber(v));
  const width = Math.max(...texts.map((s) => s.length));
  const style = constraints.style ?? ((s: string) => s);
  const lines: string[] = [];
  for (const plane of tensorPlanes(t)) {
    if (plane.label !== null) lines.push(plane.label);
    for (let r = 0; r < plane.rows; r++) {
      const cells = [];
      for (let c = 0; c < plane.cols; c++) {
        const i = plane.offset + r * plane.cols + c;
        cells.push(style(texts[i]!.padStart(width), i));
      }
      lines.push(`${plane.label !== null ? '  ' : ''}${cells.join('  ')}`);
    }
  }
  return lines.join('\n');
}
