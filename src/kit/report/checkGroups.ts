/**
 * How reports group checks: by operator (the id's prefix, `conv2d.*`; a golden fixture by the operator its id
 * names) and by property family (what kind of evidence the check is: a golden value, a shape rule, an
 * independent oracle, an algebraic law, a gradient…). Ids are stable (they are cited by baselines), so the
 * families are derived from them by one ordered rule table rather than stored.
 */
import type { CheckResult, CheckStatus } from '../../check/checkResult.js';
import { OPERATORS } from '../../operators/index.js';

export type StatusCounts = Record<CheckStatus, number>;

export const STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'error', 'skipped'];

export function emptyCounts(): StatusCounts {
  return { passed: 0, failed: 0, error: 0, skipped: 0 };
}

export function countByStatus(checks: readonly CheckResult[]): StatusCounts {
  const counts = emptyCounts();
  for (const c of checks) counts[c.status]++;
  return counts;
}

/**
 * Golden fixture ids name their operator by its check-id form, hyphens optional (`notes-003-maxpool2d-…`,
 * `torch-adaptive-max-pool2d-…`): one pattern per registered operator, longest ids first so that
 * `adaptive-max-pool2d` wins over `max-pool2d` and `conv-transpose2d` over `conv2d`.
 */
const GOLDEN_OPERATORS: ReadonlyArray<[RegExp, string]> = [
  ...[...OPERATORS].sort((a, b) => b.id.length - a.id.length).map((r): [RegExp, string] => [new RegExp(r.id.split('-').join('-?')), r.id]),
  // The notes' training runs fit a conv2d kernel through conv2d and conv2dBackward.
  [/-train-/, 'conv2d'],
];

/** `conv2d.linear-in-input` → `conv2d`; `golden/notes-003-maxpool2d-2x2` → `max-pool2d`. */
export function operatorOf(id: string): string {
  if (id.startsWith('golden/')) return GOLDEN_OPERATORS.find(([re]) => re.test(id))?.[1] ?? 'other';
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/** The families in the order reports show them; the rule table below maps a property's name to one. */
export const FAMILIES = [
  'golden', 'shape', 'definition', 'oracle', 'transposition', 'linearity', 'equivariance', 'decomposition',
  'invariants', 'numerics', 'gradient', 'errors', 'other',
] as const;
export type Family = (typeof FAMILIES)[number];

const FAMILY_RULES: ReadonlyArray<[RegExp, Family]> = [
  [/^output-shape$/, 'shape'],
  [/^definition$/, 'definition'],
  [/^(backward|gradcheck|gradient)/, 'gradient'],
  [/nan|infinity/, 'numerics'],
  [/oracle|true-convolution|matrix-product|equals-|adjoint|uniform-convolution/, 'oracle'],
  [/transposition/, 'transposition'],
  [/^linear-|bias-per-channel/, 'linearity'],
  [/equivariance/, 'equivariance'],
  [/-is-|-are-|same-padding/, 'decomposition'],
  [/average|increasing-maps|constant-input|blind-to/, 'invariants'],
  [/invalid|rejected/, 'errors'],
];

/** `golden/…` → golden; `conv2d.fft-oracle` → oracle; anything no rule names → other. */
export function familyOf(id: string): Family {
  if (id.startsWith('golden/')) return 'golden';
  const name = id.slice(id.indexOf('.') + 1);
  return FAMILY_RULES.find(([re]) => re.test(name))?.[1] ?? 'other';
}

/** Status counts per key, keys in first-seen order (or in `order` where given). */
export function countBy(checks: readonly CheckResult[], keyOf: (id: string) => string, order: readonly string[] = []): Map<string, StatusCounts> {
  const groups = new Map<string, StatusCounts>(order.map((k) => [k, emptyCounts()]));
  for (const c of checks) {
    const key = keyOf(c.id);
    const counts = groups.get(key) ?? emptyCounts();
    counts[c.status]++;
    groups.set(key, counts);
  }
  for (const [k, counts] of groups) if (STATUSES.every((s) => counts[s] === 0)) groups.delete(k);
  return groups;
}

/** Operators in a fixed, readable order (forward ops first), then any others alphabetically. */
export const OPERATOR_ORDER = ['corr2d', 'conv2d', 'conv-transpose2d', 'pad2d', 'max-pool2d', 'avg-pool2d', 'pooling', 'errors'];
