/**
 * Checks an adapter's `numerics` declaration (contract.ts, `OperatorNumerics`; spec/numerics.md,
 * `num.declaration`) before anything runs on it. Each problem names the field, the value and the rule.
 */
import type { OperatorName, OperatorNumerics, Precision } from './contract.js';

export const PRECISIONS: readonly Precision[] = ['float64', 'float32', 'tf32', 'float16', 'bfloat16'];
export const ALGORITHMS: readonly NonNullable<OperatorNumerics['algorithm']>[] = ['direct', 'winograd', 'fft'];
/** The operators a transform algorithm may be declared for (spec/numerics.md, `num.declaration`). */
export const TRANSFORM_OPERATORS = ['conv2d', 'corr2d'] as const;
/** The Winograd tiles the kit has transform matrices for (`num.declaration`). */
export const WINOGRAD_TILES: readonly number[] = [2, 4];

const FIELDS = ['algorithm', 'winogradTile', 'storage', 'accumulate'] as const;

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function declarationProblems(op: string, value: unknown): string[] {
  const at = `numerics.${op}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at} must be an object { algorithm?, winogradTile?, storage?, accumulate? }, got ${JSON.stringify(value)}`];
  const d = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(d)) if (!(FIELDS as readonly string[]).includes(key)) problems.push(`${at}.${key} is not a numerics field (expected one of ${FIELDS.join(', ')})`);
  if (d['algorithm'] !== undefined && !(ALGORITHMS as readonly unknown[]).includes(d['algorithm'])) problems.push(`${at}.algorithm must be one of ${list(ALGORITHMS)}, got ${JSON.stringify(d['algorithm'])}`);
  else if (d['algorithm'] !== undefined && d['algorithm'] !== 'direct' && !(TRANSFORM_OPERATORS as readonly string[]).includes(op)) problems.push(`${at}.algorithm is ${JSON.stringify(d['algorithm'])}, but transform algorithms are modelled only for ${TRANSFORM_OPERATORS.join(' and ')} (num.declaration)`);
  for (const field of ['storage', 'accumulate'] as const) {
    if (d[field] !== undefined && !(PRECISIONS as readonly unknown[]).includes(d[field])) problems.push(`${at}.${field} must be one of ${list(PRECISIONS)}, got ${JSON.stringify(d[field])}`);
  }
  if (d['winogradTile'] !== undefined) {
    if (!(WINOGRAD_TILES as readonly unknown[]).includes(d['winogradTile'])) problems.push(`${at}.winogradTile must be one of ${list(WINOGRAD_TILES)} (m of F(m×m, 3×3)), got ${JSON.stringify(d['winogradTile'])}`);
    else if (d['algorithm'] !== 'winograd') problems.push(`${at}.winogradTile is ${JSON.stringify(d['winogradTile'])}, but only applies with algorithm "winograd" (got ${JSON.stringify(d['algorithm'] ?? 'direct')})`);
  }
  return problems;
}

/** The problems of `numerics` (undefined is fine); operator names come from the registry's method list. */
export function numericsProblems(numerics: unknown, operators: readonly OperatorName[]): string[] {
  if (numerics === undefined) return [];
  if (typeof numerics !== 'object' || numerics === null || Array.isArray(numerics)) return [`numerics must be an object keyed by operator name, got ${JSON.stringify(numerics)}`];
  const problems: string[] = [];
  for (const [op, value] of Object.entries(numerics)) {
    if (!(operators as readonly string[]).includes(op)) problems.push(`numerics.${op} is not an operator (expected some of ${operators.join(', ')})`);
    else problems.push(...declarationProblems(op, value));
  }
  return problems;
}
