/**
 * A run's coverage (`kit.coverage`): per operator, the cells and boundary hits of every call the properties'
 * cases made, and a warning for each boundary a property should reach but whose cases never did.
 */
import type { BoundaryId } from '../../shape/boundaries.js';
import { mergeOperatorCoverage, type OperatorCoverage } from './coverageTally.js';

/** A property whose cases never reached a boundary it declares it reaches. */
export interface CoverageWarning {
  readonly property: string;
  /** The operator (record id) whose boundary it is. */
  readonly operator: string;
  readonly boundary: BoundaryId;
}

export interface RunCoverage {
  readonly operators: readonly OperatorCoverage[];
  readonly warnings: readonly CoverageWarning[];
}

/**
 * The boundaries a property declares (`Property.boundaries`, by operator) that its cases' calls never hit.
 * Only a property that ran all its cases says so: a failed one stopped early, and one whose cases were
 * filtered by declared-unsupported features drew from a smaller space.
 */
export function unreachedBoundaries(property: string, expected: Readonly<Record<string, readonly BoundaryId[]>>, coverage: readonly OperatorCoverage[]): CoverageWarning[] {
  return Object.entries(expected).flatMap(([operator, ids]) => {
    const hits = coverage.find((c) => c.operator === operator)?.boundaries ?? [];
    return ids.filter((id) => !hits.some((h) => h.id === id && h.calls > 0)).map((boundary) => ({ property, operator, boundary }));
  });
}

/** The run's coverage from its properties' (or its shards'), summed per operator; warnings kept in order. */
export function mergeRunCoverage(parts: readonly RunCoverage[]): RunCoverage {
  return { operators: mergeOperatorCoverage(parts.flatMap((p) => p.operators)), warnings: parts.flatMap((p) => p.warnings) };
}
