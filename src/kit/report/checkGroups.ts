/**
 * How reports group checks: by operator and by property family, both fields of the check
 * (src/check/checkResult.ts). Operators are listed in registry order, then any group a property names.
 */
import type { CheckResult, CheckStatus } from '../../check/checkResult.js';
import { FAMILIES } from '../../check/checkFamily.js';
import { OPERATORS } from '../../operators/index.js';

export { FAMILIES, type Family } from '../../check/checkFamily.js';

export type StatusCounts = Record<CheckStatus, number>;

export const STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'error', 'skipped', 'vacuous'];

export function emptyCounts(): StatusCounts {
  return { passed: 0, failed: 0, error: 0, skipped: 0, vacuous: 0 };
}

export function countByStatus(checks: readonly CheckResult[]): StatusCounts {
  const counts = emptyCounts();
  for (const c of checks) counts[c.status]++;
  return counts;
}

/** Status counts per key, keys in first-seen order (or in `order` where given). */
export function countBy(checks: readonly CheckResult[], keyOf: (c: CheckResult) => string, order: readonly string[] = []): Map<string, StatusCounts> {
  const groups = new Map<string, StatusCounts>(order.map((k) => [k, emptyCounts()]));
  for (const c of checks) {
    const key = keyOf(c);
    const counts = groups.get(key) ?? emptyCounts();
    counts[c.status]++;
    groups.set(key, counts);
  }
  for (const [k, counts] of groups) if (STATUSES.every((s) => counts[s] === 0)) groups.delete(k);
  return groups;
}

/** Operators in registry order (forward ops first), then the groups properties name (`pooling`). */
export const OPERATOR_ORDER: readonly string[] = [...OPERATORS.map((r) => r.id), 'pooling'];

export const operatorOf = (c: CheckResult): string => c.operator;
export const familyOf = (c: CheckResult): string => c.family;
