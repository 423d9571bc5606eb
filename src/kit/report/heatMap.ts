/**
 * A tensor drawn as a heat map in inline SVG: one small grid per H×W plane (labelled [n, c]), on a diverging
 * scale symmetric about zero — blue below, white at 0, red above — so signs and magnitudes read at a glance
 * and expected and actual can share one scale. NaN is grey, ±∞ the darkest end. Each cell's <title> gives
 * its index and exact value (shown on hover); cells large enough also print the value.
 */
import { escapeXml } from './escapeXml.js';
import { formatNumber } from './formatNumber.js';
import { tensorPlanes } from './formatGrid.js';
import type { ReportTensor } from './reportTensor.js';

const NEGATIVE = [33, 102, 172] as const; // #2166ac
const POSITIVE = [178, 24, 43] as const; // #b2182b
const ZERO = [247, 247, 247] as const;

/** The largest |v| over the finite values of the tensors (1 when there are none, so a scale always exists). */
export function symmetricRange(...tensors: ReadonlyArray<ReportTensor | null>): number {
  let m = 0;
  for (const t of tensors) for (const v of t?.data ?? []) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m > 0 ? m : 1;
}

/** The colour of v on the diverging scale [−range, range]. */
export function divergingColor(v: number, range: number): string {
  if (Number.isNaN(v)) return '#9e9e9e';
  const t = Math.max(-1, Math.min(1, v / range));
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  const rgb = ZERO.map((z, i) => Math.round(z + (end[i]! - z) * a));
  return `rgb(${rgb.join(',')})`;
}

export interface HeatMapOptions {
  /** Half-width of the colour scale (default: the tensor's own largest |v|). */
  readonly range?: number;
  /** Planes drawn at most (default 8); the rest are counted. */
  readonly maxPlanes?: number;
  /** Flat indices to outline (mismatching elements). */
  readonly outline?: (index: number) => boolean;
}

function indexLabel(shape: readonly number[], flat: number): string {
  const position: number[] = [];
  for (let d = shape.length - 1, q = flat; d >= 0; d--) {
    position.unshift(q % shape[d]!);
    q = Math.floor(q / shape[d]!);
  }
  return `[${position.join(', ')}]`;
}

/** One <svg> per plane, wrapped in a <div class="heatmap">. */
export function heatMapSvg(t: ReportTensor, options: HeatMapOptions = {}): string {
  const range = options.range ?? symmetricRange(t);
  const planes = tensorPlanes(t);
  const shown = planes.slice(0, options.maxPlanes ?? 8);
  const longest = Math.max(1, ...shown.map((p) => Math.max(p.rows, p.cols)));
  const cell = Math.max(6, Math.min(40, Math.floor(180 / longest)));
  // Values are printed in the cells, in one font size that fits the longest (a monospace character is
  // ≈ 0.6 em wide), unless that size would be too small to read.
  const texts = t.data.map((v) => formatNumber(v, 2));
  const fontSize = Math.min(11, (cell - 4) / (0.6 * Math.max(...texts.map((s) => s.length))));
  const withText = fontSize >= 7;
  const svgs = shown.map((plane) => {
    const width = plane.cols * cell;
    const height = plane.rows * cell;
    const rects: string[] = [];
    for (let r = 0; r < plane.rows; r++) {
      for (let c = 0; c < plane.cols; c++) {
        const i = plane.offset + r * plane.cols + c;
        const v = t.data[i]!;
        const outlined = options.outline?.(i) ?? false;
        const stroke = outlined ? ' stroke="#000" stroke-width="2"' : ' stroke="#fff" stroke-width="0.5"';
        const tip = `<title>${escapeXml(`${indexLabel(t.shape, i)} = ${Object.is(v, -0) ? '-0' : String(v)}`)}</title>`;
        rects.push(`<rect x="${c * cell}" y="${r * cell}" width="${cell}" height="${cell}" fill="${divergingColor(v, range)}"${stroke}>${tip}</rect>`);
        if (withText) {
          const ink = Number.isFinite(v) && Math.abs(v) / range > 0.6 ? '#fff' : '#222';
          rects.push(`<text font-size="${fontSize.toFixed(1)}" x="${c * cell + cell / 2}" y="${r * cell + cell / 2}" fill="${ink}">${escapeXml(texts[i]!)}</text>`);
        }
      }
    }
    const label = plane.label === null ? '' : `<figcaption>${escapeXml(plane.label)}</figcaption>`;
    return `<figure>${label}<svg xmlns="http://www.w3.org/2000/svg" class="heat" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${rects.join('')}</svg></figure>`;
  });
  const more = planes.length > shown.length ? `<p class="more">… ${planes.length - shown.length} more planes</p>` : '';
  return `<div class="heatmap" data-shape="${t.shape.join('x')}">${svgs.join('')}${more}</div>`;
}

/** A colour bar for the scale [−range, range], as a CSS gradient. */
export function scaleLegend(range: number): string {
  const stops = [-1, -0.5, 0, 0.5, 1].map((f) => divergingColor(f * range, range)).join(', ');
  return `<span class="legend">${escapeXml(formatNumber(-range, 3))} <span class="bar" style="background: linear-gradient(to right, ${stops})"></span> ${escapeXml(formatNumber(range, 3))}</span>`;
}
