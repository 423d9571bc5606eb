/**
 * What the kit says about a failure beyond the failing case (issue 13), as data for the reporters: the named
 * conventions whose answers equal the adapter's, and which parameters of the failing call the failure needs.
 */

/** A convention of the catalogue (conventionCatalogue.ts) that explains the adapter's answers. */
export interface ConventionMatch {
  readonly id: string;
  readonly title: string;
  readonly source: string;
}

/** A parameter the failure needs: it fails only for some of the valid values tried. */
export interface Dependency {
  /** `padding.right`, `stride.h`, `input.W`, `ceilMode`, `values`. */
  readonly parameter: string;
  /** `at-least`/`at-most`: the failing values are those ≥ / ≤ values[0]; `one-of`: exactly `values`. */
  readonly rule: 'at-least' | 'at-most' | 'one-of';
  readonly values: readonly (number | string | boolean)[];
}

export interface Diagnosis {
  readonly conventions: readonly ConventionMatch[];
  /** Parameters the failure depends on (explain). */
  readonly dependsOn?: readonly Dependency[];
  /** Parameters it fails for whatever valid value they take. */
  readonly free?: readonly string[];
  /** Set when diagnosis stopped at its time box: the lists hold what was found before it. */
  readonly timedOut?: boolean;
}
