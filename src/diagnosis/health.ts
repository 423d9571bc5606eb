/**
 * Why a check that passed proved nothing (spec/conventions.md kit.health.vacuous), as data for the reporters: the
 * reason, the share of cases it measured and the threshold it crossed.
 */

/**
 * `trivial-outputs`: most cases got only constant (or empty, or all-zero) answers; `lacks-feature`: most cases lacked
 * the feature the property is about (Property.exercises); `skipped-by-features`: most candidates needed a feature
 * the adapter declared unsupported (filtered out before they ran); `filtered`: the property's preconditions discarded
 * most candidates.
 */
export type VacuousReason = 'trivial-outputs' | 'lacks-feature' | 'skipped-by-features' | 'filtered';

export interface Health {
  readonly reason: VacuousReason;
  /** The share of cases (or candidates) with that problem, in [0, 1]. */
  readonly share: number;
  /** The share above which a check is vacuous (VACUOUS_THRESHOLD). */
  readonly threshold: number;
  /** How many cases (or candidates) the share is of. */
  readonly cases: number;
}
