/**
 * The outcome of one check (a golden fixture or a property) against one adapter. Results are data; reporters
 * only format them (STYLE habit 9).
 */
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
}
