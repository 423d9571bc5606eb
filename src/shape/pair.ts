/**
 * The one reading of an int-or-pair option (`Pair`: stride, padding, dilation, kernel size), for code that has
 * already validated its call or builds one: n means [n, n], an absent value the fallback. Validation with
 * errors that name the argument is checkPair (argumentChecks.ts).
 */
import type { Pair } from '../adapter/contract.js';

export function pairOf(value: Pair | undefined, fallback: number): [number, number] {
  if (value === undefined) return [fallback, fallback];
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** True when the option is absent or n on both axes (a default that needs no declared feature). */
export const isPairOf = (value: unknown, n: number): boolean => value === undefined || value === n || (Array.isArray(value) && value.every((x) => x === n));
