/**
 * A property is a value, not a test-framework block: an id, the spec clauses it checks, what it needs from
 * an adapter, an arbitrary and a predicate. The same objects run from vitest and from the CLI.
 */
import type fc from 'fast-check';
import type { Adapter, Feature, OperatorName } from '../src/adapter/contract.js';
import type { Family } from '../src/check/checkFamily.js';
import type { Scale } from '../src/shape/scale.js';
import type { BoundaryId } from '../src/shape/boundaries.js';

export interface PropertyRequirements {
  /** Operators the adapter must implement; a missing one makes the check `skipped`. */
  readonly ops: readonly OperatorName[];
  /** Features the adapter must not have declared unsupported. */
  readonly features?: readonly Feature[];
}

export interface Property<T = unknown> {
  readonly id: string;
  /** The operator the check is about in check-id form (`max-pool2d`, a record's `id`), or a group (`pooling`). */
  readonly operator: string;
  readonly family: Family;
  readonly title: string;
  readonly clauses: readonly string[];
  readonly requires: PropertyRequirements;
  /** The cases at a scale (`shape.scale`); a property whose cases must stay tiny (gradcheck) ignores it. */
  readonly arbitrary: (scale: Scale) => fc.Arbitrary<T>;
  /** Resolves when the property holds for this case; throws PropertyFailure (or the adapter's own error) when not. */
  readonly predicate: (adapter: Adapter, value: T) => Promise<void>;
  /** Defaults to the run's `runs`; expensive properties ask for fewer. */
  readonly maxRuns?: number;
  /**
   * The boundary cases of its operator (`operator`) its cases must reach in a full run (`shape.boundaries`):
   * the generic properties that draw the record's own cases declare the record's; the coverage report warns
   * about each one never reached (`kit.coverage`).
   */
  readonly boundaries?: readonly BoundaryId[];
  /** Features a case needs, for skipping cases an adapter declared unsupported (filters, never fails). */
  readonly caseFeatures?: (value: T) => readonly Feature[];
  /**
   * Whether a case has the feature the property is about (NaN among the inputs, a tie, a cut-off window): a passed
   * check most of whose cases lack it is `vacuous` (spec/conventions.md kit.health.vacuous, `lacks-feature`).
   */
  readonly exercises?: (value: T) => boolean;
  /**
   * Its cases' values are part of what makes them valid (tie-free inputs for a unique max-pooling gradient):
   * exact mode leaves them as drawn (`num.values.exact`).
   */
  readonly ownValues?: boolean;
  /** The property's point is a constant answer (pooling a constant input): trivial outputs do not make it vacuous. */
  readonly constantAnswers?: boolean;
}

export function defineProperty<T>(property: Property<T>): Property<unknown> {
  return property as unknown as Property<unknown>;
}
