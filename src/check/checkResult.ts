/**
 * The outcome of one check (a golden fixture or a property) against one adapter. Results are data; reporters
 * only format them (STYLE habit 9).
 */
import type { TensorData } from '../adapter/contract.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  readonly clauses: readonly string[];
  /** For failed/error: `<what>=<got>, but should be <expected> [<op>(<options>)] §<clause>`; for skipped: why. */
  readonly message?: string;
  /** The smallest failing input, as data that can be replayed. */
  readonly counterexample?: unknown;
  readonly seed?: number;
  /** fast-check's replay path, or a fixture's file path. */
  readonly path?: string;
  /** For value mismatches: the tensors compared (from PropertyFailure.detail), for reports to draw. */
  readonly detail?: CheckDetail;
}

/** What a failed comparison saw. Every field is optional: reports show what is there. */
export interface CheckDetail {
  readonly actual?: TensorData;
  readonly expected?: TensorData;
  /** The tolerance: one bound for every element, or one per element (same shape as expected). */
  readonly bound?: number | TensorData;
  /** How many elements differ beyond their bound. */
  readonly mismatches?: number;
  readonly [key: string]: unknown;
}
