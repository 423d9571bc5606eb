/**
 * The named boundary cases of the spec's limits and edges (spec/shapes.md, `shape.boundaries`), decided per
 * axis: the generators draw each on purpose, the coverage counts them, and a test proves the default run
 * reaches every one. Each predicate reads one resolved axis (`GeometryAxis`), so the rank is not baked in.
 */
import type { GeometryAxis } from './windowOutputSize.js';
import { windowOutputSize } from './windowOutputSize.js';

export const BOUNDARIES = {
  /** A positive circular pad equal to the (kept) size of its axis (`pad.circular.limit`). */
  circularPadEqualsSize: 'pad.circular.limit:pad=size',
  /** A positive reflect pad equal to the (kept) size − 1 (`pad.reflect.limit`). */
  reflectPadIsSizeMinus1: 'pad.reflect.limit:pad=size-1',
  /** Pooling padding equal to ⌊k/2⌋ ≥ 1 (`pool.padding.limit`). */
  poolPadHalfKernel: 'pool.padding.limit:p=floor(k/2)',
  /** Ceil mode keeps a last window that runs past the padded end (`shape.window.ceil`, `pool.avg.ceil-divisor`). */
  ceilPartialWindow: 'shape.window.ceil:partial-window',
  /** Ceil mode's extra window would start in the right padding and is dropped (`pool.ceil-mode.last-window`). */
  ceilDroppedWindow: 'pool.ceil-mode.last-window:dropped',
  /** outputPadding = max(stride, dilation) − 1 ≥ 1 (`convt.output-padding`). */
  outputPaddingAtLimit: 'convt.output-padding:max(s,d)-1',
  /** padding 'same' with an even dilated kernel: the split is asymmetric (`conv.padding.same`). */
  sameEvenKernel: 'conv.padding.same:even-kernel',
  /** A dilated kernel (d > 1) exactly as long as the padded axis: one output (`shape.window`). */
  dilatedKernelFillsAxis: 'shape.window:dilated-kernel=padded-size',
} as const;

export type BoundaryId = (typeof BOUNDARIES)[keyof typeof BOUNDARIES];

/** The pads of one axis of a mode-padded window operator, and the axis size they pad. */
export interface PaddedAxis {
  readonly size: number;
  readonly padBefore: number;
  readonly padAfter: number;
}

/** Which pad-limit boundaries an axis hits under a padding mode (`pad.circular.limit`, `pad.reflect.limit`). */
export function padLimitBoundaries(axis: PaddedAxis, mode: string): BoundaryId[] {
  const pads = [axis.padBefore, axis.padAfter].filter((p) => p > 0);
  const hits: BoundaryId[] = [];
  if (mode === 'circular' && pads.includes(axis.size)) hits.push(BOUNDARIES.circularPadEqualsSize);
  if (mode === 'reflect' && pads.includes(axis.size - 1)) hits.push(BOUNDARIES.reflectPadIsSizeMinus1);
  return hits;
}

/** Pooling-axis boundaries: padding at ⌊k/2⌋, and ceil mode's kept partial or dropped last window. */
export function poolAxisBoundaries(axis: GeometryAxis): BoundaryId[] {
  const hits: BoundaryId[] = [];
  if (axis.padBefore >= 1 && axis.padBefore === Math.floor(axis.kernel / 2)) hits.push(BOUNDARIES.poolPadHalfKernel);
  if (axis.ceilMode) {
    const floorOut = windowOutputSize({ ...axis, ceilMode: false });
    const span = axis.size + axis.padBefore + axis.padAfter - axis.dilation * (axis.kernel - 1) - 1;
    const unclipped = Math.ceil(span / axis.stride) + 1;
    if (axis.out > floorOut) hits.push(BOUNDARIES.ceilPartialWindow);
    if (unclipped > axis.out) hits.push(BOUNDARIES.ceilDroppedWindow);
  }
  return hits;
}

/** Convolution-axis boundaries: a dilated kernel filling the padded axis. */
export function convAxisBoundaries(axis: GeometryAxis): BoundaryId[] {
  const extent = axis.dilation * (axis.kernel - 1) + 1;
  return axis.dilation > 1 && extent === axis.size + axis.padBefore + axis.padAfter ? [BOUNDARIES.dilatedKernelFillsAxis] : [];
}

/** 'same' padding with an even dilated kernel on this axis. */
export function sameEvenKernel(axis: Pick<GeometryAxis, 'kernel' | 'dilation'>): boolean {
  return (axis.dilation * (axis.kernel - 1) + 1) % 2 === 0;
}

/** outputPadding at its limit max(stride, dilation) − 1 ≥ 1 on one axis (`convt.output-padding`). */
export function outputPaddingAtLimit(stride: number, dilation: number, outputPadding: number): boolean {
  return outputPadding >= 1 && outputPadding === Math.max(stride, dilation) - 1;
}

/**
 * The boundaries a call hits on any of its axes, each once, in `BOUNDARIES` order: the records' classifiers
 * apply their per-axis predicates to every axis of the operator's geometry through this.
 */
export function boundariesOverAxes<A>(axes: readonly A[], perAxis: (axis: A) => readonly BoundaryId[]): BoundaryId[] {
  const hit = new Set(axes.flatMap((a) => perAxis(a)));
  return ALL_BOUNDARIES.filter((id) => hit.has(id));
}

/** Every boundary id, in declaration order. */
export const ALL_BOUNDARIES: readonly BoundaryId[] = Object.values(BOUNDARIES);

/** The boundaries of a pooling window's axes (`pool.padding.limit`, `shape.window.ceil`, `pool.ceil-mode.last-window`). */
export const POOL_BOUNDARIES: readonly BoundaryId[] = [BOUNDARIES.poolPadHalfKernel, BOUNDARIES.ceilPartialWindow, BOUNDARIES.ceilDroppedWindow];
