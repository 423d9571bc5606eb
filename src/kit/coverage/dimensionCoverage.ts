/**
 * One operator's coverage seen one dimension at a time (`kit.coverage`): for each dimension of the cell, every
 * class with the calls that landed in it — the known classes even when no call did, so a gap shows — and the
 * boundaries the record declares with their hits. The console line and the HTML heat map format this.
 */
import { CELL_DIMENSIONS, cellValue, type CellDimension } from './coverageCell.js';
import type { OperatorCoverage } from './coverageTally.js';

/** The classes of each fixed dimension, in report order; padding labels and boundaries come from the data. */
export const KNOWN_CLASSES: Readonly<Partial<Record<CellDimension, readonly string[]>>> = {
  kernel: ['1', '3', '5', '7', 'even', 'other'],
  stride: ['1', '2', '>2'],
  dilation: ['1', '>1'],
  channels: ['<4', 'mult4', 'mult8', 'mult16', 'mult3', 'tail'],
  batch: ['1', '2', 'odd>=3', 'even>=4'],
};

export interface ClassCount {
  readonly value: string;
  readonly calls: number;
}

export interface DimensionCoverage {
  readonly dimension: CellDimension;
  /** Every class of the dimension (known ones first, then the others seen) with its calls; for `boundaries`, each declared id. */
  readonly classes: readonly ClassCount[];
  /** Known classes reached, of how many; null where the dimension has no fixed classes or does not apply (`none`). */
  readonly reached: { readonly of: number; readonly count: number } | null;
}

export function dimensionCoverage(op: OperatorCoverage): DimensionCoverage[] {
  return CELL_DIMENSIONS.map((dimension): DimensionCoverage => {
    if (dimension === 'boundaries') {
      const classes = op.boundaries.map((b) => ({ value: b.id, calls: b.calls }));
      return { dimension, classes, reached: classes.length === 0 ? null : { of: classes.length, count: classes.filter((c) => c.calls > 0).length } };
    }
    const counts = new Map<string, number>();
    for (const c of op.cells) counts.set(cellValue(c.cell, dimension), (counts.get(cellValue(c.cell, dimension)) ?? 0) + c.calls);
    const known = KNOWN_CLASSES[dimension];
    const applies = known !== undefined && [...counts.keys()].some((v) => v !== 'none');
    const order = [...(applies ? known : []), ...[...counts.keys()].filter((v) => !known?.includes(v)).sort()];
    const classes = order.map((value) => ({ value, calls: counts.get(value) ?? 0 }));
    return { dimension, classes, reached: applies ? { of: known.length, count: known.filter((v) => (counts.get(v) ?? 0) > 0).length } : null };
  });
}
