/**
 * The exact command that re-runs one failing case: `convkit replay <check> --adapter <spec> --seed N --path P`.
 * The seed is the run's seed (each property derives its own from it and its id); a golden fixture needs none.
 */
import type { CheckResult } from '../../check/checkResult.js';

/** Quotes a shell word only when it needs it. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function replayCommand(check: Pick<CheckResult, 'id' | 'path'>, adapterSpec: string, runSeed: number): string {
  const base = `convkit replay ${shellWord(check.id)} --adapter ${shellWord(adapterSpec)}`;
  if (check.id.startsWith('golden/')) return base;
  return `${base} --seed ${runSeed}${check.path !== undefined ? ` --path ${shellWord(check.path)}` : ''}`;
}
