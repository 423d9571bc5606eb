/**
 * The outcome of one check (a golden fixture or a property) against one adapter. Results are data; reporters
 * only format them (STYLE habit 9). A check's identity is its fields — kind, operator, family, id — never a
 * prefix or a pattern read out of the id.
 */
import type { TensorData } from '../adapter/contract.js';
import type { Family } from './checkFamily.js';
import type { Diagnosis } from '../diagnosis/diagnosis.js';
import type { Health } from '../diagnosis/health.js';

/** `vacuous`: the property held, but its cases proved nothing (spec/conventions.md kit.health.vacuous); never passed. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error' | 'vacuous';
import type { ValuesMode } from './valuesMode.js';
import type { Scale } from '../shape/scale.js';

/** A golden fixture; a property run on random cases; or a property whose failure came from a corpus entry. */
export type CheckKind = 'golden' | 'property' | 'corpus';

/** Where a property's case can be replayed: the run seed it was drawn with, and fast-check's path to it. */
export interface ReplayRecord {
  readonly runSeed: number;
  readonly path?: string;
  /** The scale the case was drawn at (`shape.scale`), when not 'default': a path replays only at its own scale. */
  readonly scale?: Scale;
  /** 'exact' when the case was drawn in exact mode (`num.values.exact`): a path replays only in its own mode. */
  readonly values?: Exclude<ValuesMode, 'default'>;
}

export interface CheckResult {
  readonly id: string;
  readonly kind: CheckKind;
  /** The operator in check-id form (`max-pool2d`), or a group (`pooling`). */
  readonly operator: string;
  readonly family: Family;
  readonly status: CheckStatus;
  readonly clauses: readonly string[];
  /** For failed/error: `<what>=<got>, but should be <expected> [<op>(<options>)] §<clause>`; for skipped: why. */
  readonly message?: string;
  /** For failed: the spec clause the failure breaks (PropertyFailure.clause, a fixture's clause); baselines match on it. */
  readonly brokenClause?: string;
  /** The smallest failing input, as data that can be replayed. */
  readonly counterexample?: unknown;
  /** Set where fast-check ran (properties); the one source of every replay command and corpus entry. */
  readonly replay?: ReplayRecord;
  /** A golden fixture's file. */
  readonly fixturePath?: string;
  /** For value mismatches: the tensors compared, and the adapter calls the case made (`calls`). */
  readonly detail?: CheckDetail;
  /** For a failed value comparison of an operator that breaks its declared numerics: what it behaves like (`num.fingerprint`). */
  readonly fingerprint?: import('./precisionFingerprint.js').PrecisionFingerprint;
  /** For a failed property: the named conventions that explain it and what it depends on (src/kit/diagnosis). */
  readonly diagnosis?: Diagnosis;
  /** For a vacuous check: why its cases proved nothing, with the measured share and the threshold. */
  readonly health?: Health;
}

/** What a failed comparison saw. Every field is optional: reports show what is there. */
export interface CheckDetail {
  readonly actual?: TensorData;
  readonly expected?: TensorData;
  /** The tolerance: one bound for every element, or one per element (same shape as expected). */
  readonly bound?: number | TensorData;
  /** How many elements differ beyond their bound. */
  readonly mismatches?: number;
  /** The first differing element's multi-index. */
  readonly position?: readonly number[];
  /** Every adapter call the failing case made, in order, as recorded by the runner (src/adapter/recordingAdapter.ts). */
  readonly calls?: readonly import('../adapter/recordedCall.js').RecordedCall[];
  readonly [key: string]: unknown;
}
