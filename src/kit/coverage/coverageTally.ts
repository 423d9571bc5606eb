/**
 * Counts the cells (coverageCell.ts) and boundary hits of the calls one property's cases made, per operator
 * (`kit.coverage`). The runner feeds it the calls the recording adapter saw for each case, so every call —
 * forward or backward, from any property — counts as data, never as text.
 */
import type { OperatorCall } from '../../adapter/operatorCall.js';
import { OPERATORS, operatorRecord } from '../../operators/index.js';
import type { BoundaryId } from '../../shape/boundaries.js';
import { cellKey, coverageCellOf, type CoverageCell } from './coverageCell.js';

/** How many calls landed in a cell. */
export interface CellCount {
  readonly cell: CoverageCell;
  readonly calls: number;
}

/** One operator's coverage over a property or a run. */
export interface OperatorCoverage {
  /** The record's id (`max-pool2d`). */
  readonly operator: string;
  /** Classified calls (valid calls of an operator with a configuration). */
  readonly calls: number;
  /** The cells exercised, by key (cellKey) order. */
  readonly cells: readonly CellCount[];
  /** Every boundary the record declares, with the calls that hit it (0: never reached). */
  readonly boundaries: readonly { readonly id: BoundaryId; readonly calls: number }[];
}

interface OperatorTally {
  calls: number;
  readonly cells: Map<string, { cell: CoverageCell; calls: number }>;
  readonly boundaries: Map<BoundaryId, number>;
}

/**
 * What a call's cell depends on: its operator, input shapes and options, never its values (a record's
 * `configuration` and `boundaries` read shapes and options only). A gradcheck or a linearity property makes
 * dozens of calls with one configuration, so each is classified once.
 */
function configurationKey(call: OperatorCall): string {
  const shapes = Object.entries(call.inputs).map(([name, t]) => `${name}:${t === null ? '-' : t.shape.join('x')}`);
  return `${call.op} ${shapes.join(' ')} ${JSON.stringify(call.options)}`;
}

export class CoverageTally {
  private readonly byOperator = new Map<string, OperatorTally>();
  private readonly cellOf = new Map<string, CoverageCell | null>();

  observe(call: OperatorCall): void {
    const key0 = configurationKey(call);
    let cell = this.cellOf.get(key0);
    if (cell === undefined) {
      cell = coverageCellOf(call);
      this.cellOf.set(key0, cell);
    }
    if (cell === null) return;
    const record = operatorRecord(call.op);
    let t = this.byOperator.get(record.id);
    if (t === undefined) {
      t = { calls: 0, cells: new Map(), boundaries: new Map((record.boundaries?.ids ?? []).map((id) => [id, 0])) };
      this.byOperator.set(record.id, t);
    }
    t.calls++;
    const key = cellKey(cell);
    const counted = t.cells.get(key);
    if (counted) counted.calls++;
    else t.cells.set(key, { cell, calls: 1 });
    for (const id of cell.boundaries) t.boundaries.set(id, (t.boundaries.get(id) ?? 0) + 1);
  }

  /** The tally as data, operators in the order first seen, cells by key. */
  coverage(): OperatorCoverage[] {
    return [...this.byOperator].map(([operator, t]) => ({
      operator,
      calls: t.calls,
      cells: [...t.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => ({ cell: c.cell, calls: c.calls })),
      boundaries: [...t.boundaries].map(([id, calls]) => ({ id, calls })),
    }));
  }
}

/** Coverages of one operator from several properties or shards, summed cell by cell. */
export function mergeOperatorCoverage(parts: readonly OperatorCoverage[]): OperatorCoverage[] {
  const merged = new Map<string, { calls: number; cells: Map<string, CellCount>; boundaries: Map<BoundaryId, number> }>();
  for (const p of parts) {
    let m = merged.get(p.operator);
    if (m === undefined) {
      m = { calls: 0, cells: new Map(), boundaries: new Map() };
      merged.set(p.operator, m);
    }
    m.calls += p.calls;
    for (const c of p.cells) {
      const key = cellKey(c.cell);
      m.cells.set(key, { cell: c.cell, calls: (m.cells.get(key)?.calls ?? 0) + c.calls });
    }
    for (const b of p.boundaries) m.boundaries.set(b.id, (m.boundaries.get(b.id) ?? 0) + b.calls);
  }
  const order = (id: string) => OPERATORS.findIndex((r) => r.id === id);
  return [...merged].sort(([a], [b]) => order(a) - order(b)).map(([operator, m]) => ({
    operator,
    calls: m.calls,
    cells: [...m.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c),
    boundaries: [...m.boundaries].map(([id, calls]) => ({ id, calls })),
  }));
}
