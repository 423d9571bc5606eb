/**
 * The one sliding-window walker for pooling: every output element's window as two tap ranges (rows and
 * columns of the input it reads), visited in row-major output order. The forwards reduce over a window, the
 * backwards spread into it; max pooling, average pooling and adaptive pooling differ only in how an axis maps
 * an output index to its taps — `slidingTaps` (stride, padding, dilation; spec/shapes.md, `shape.window`; pool2dGrid) or
 * the adaptive window (`pool.adaptive.windows`; adaptivePool2dGrid).
 */

/** Input indices first, first + step, … below end, along one axis. Empty when first ≥ end. */
export interface TapRange {
  readonly first: number;
  readonly end: number;
  readonly step: number;
}

export interface SlidingAxis {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padBefore: number;
  readonly dilation: number;
}

/** The taps of output o on a strided, padded, dilated axis that fall inside the input (padding taps are dropped). */
export function slidingTaps(axis: SlidingAxis, o: number): TapRange {
  const start = o * axis.stride - axis.padBefore;
  const d = axis.dilation;
  // The first tap start + a·d with a ≥ 0 at or after 0; the end one past the last tap start + (k − 1)·d, clipped to the input.
  const skip = start < 0 ? Math.ceil(-start / d) : 0;
  const first = start + skip * d;
  const end = Math.min(start + (axis.kernel - 1) * d + 1, axis.size);
  return { first, end: Math.max(end, first), step: d };
}

export const tapCount = (r: TapRange): number => (r.end > r.first ? Math.ceil((r.end - r.first) / r.step) : 0);

export interface PoolWindow {
  /** The output element's flat index. */
  readonly out: number;
  /** The flat index of its N·C plane's first input element. */
  readonly inBase: number;
  readonly i: number;
  readonly j: number;
  readonly rows: TapRange;
  readonly cols: TapRange;
}

export interface WindowGrid {
  readonly planes: number;
  readonly height: number;
  readonly width: number;
  readonly outH: number;
  readonly outW: number;
  readonly rowTaps: (i: number) => TapRange;
  readonly colTaps: (j: number) => TapRange;
}

export function forEachWindow(grid: WindowGrid, visit: (w: PoolWindow) => void): void {
  const rows = Array.from({ length: grid.outH }, (_, i) => grid.rowTaps(i));
  const cols = Array.from({ length: grid.outW }, (_, j) => grid.colTaps(j));
  const plane = grid.height * grid.width;
  let out = 0;
  for (let p = 0; p < grid.planes; p++) {
    for (let i = 0; i < grid.outH; i++) {
      for (let j = 0; j < grid.outW; j++) visit({ out: out++, inBase: p * plane, i, j, rows: rows[i]!, cols: cols[j]! });
    }
  }
}

/** Every input index of a window within its plane, in row-major scan order (the order ties and NaN rules read). */
export function forEachTap(w: PoolWindow, width: number, visit: (index: number) => void): void {
  for (let y = w.rows.first; y < w.rows.end; y += w.rows.step) {
    for (let x = w.cols.first; x < w.cols.end; x += w.cols.step) visit(y * width + x);
  }
}
