/**
 * Checks that a loaded module's default export satisfies the adapter contract before anything runs on it:
 * a name, a dtype, operators that are functions, and a well-formed numerics declaration (numericsProblems.ts). Problems are listed all at once. The method names come
 * from the operator registry.
 */
import type { Adapter, OperatorName } from './contract.js';
import { ADAPTER_METHODS } from '../operators/index.js';
import { numericsProblems } from './numericsProblems.js';

export const OPERATOR_NAMES: readonly OperatorName[] = ADAPTER_METHODS;

/** The problem of an export that is not an object, by its type's name (`number`, `null`, …). */
export function notAnObjectProblem(type: string): string {
  return `the default export is ${type}, not an adapter object`;
}

export function adapterProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [notAnObjectProblem(value === null ? 'null' : typeof value)];
  const a = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof a['name'] !== 'string' || a['name'] === '') problems.push('name must be a non-empty string');
  if (a['dtype'] !== 'float32' && a['dtype'] !== 'float64') problems.push(`dtype must be 'float32' or 'float64', got ${JSON.stringify(a['dtype'])}`);
  for (const op of OPERATOR_NAMES) if (a[op] !== undefined && typeof a[op] !== 'function') problems.push(`${op} must be a function when present`);
  if (!OPERATOR_NAMES.some((op) => typeof a[op] === 'function')) problems.push(`implements no operator (expected some of ${OPERATOR_NAMES.join(', ')})`);
  if (a['supports'] !== undefined && (typeof a['supports'] !== 'object' || a['supports'] === null)) problems.push('supports must be an object');
  problems.push(...numericsProblems(a['numerics'], OPERATOR_NAMES));
  return problems;
}

export function isAdapter(value: unknown): value is Adapter {
  return adapterProblems(value).length === 0;
}
