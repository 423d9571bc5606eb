/**
 * The exact command that re-runs one failing case: `convkit replay <check> --adapter <spec> --seed N --path P`,
 * built from the check's replay record (the run seed its case was drawn with — a corpus case keeps the seed it
 * was found with — and fast-check's path). The one builder for console, JSON, JUnit, HTML, the corpus and the
 * vitest entry. A golden fixture needs neither.
 */
import type { CheckResult } from '../../check/checkResult.js';

/** Quotes a shell word only when it needs it (POSIX single quotes). */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function replayCommand(check: Pick<CheckResult, 'id' | 'replay'>, adapterSpec: string): string {
  const words = ['convkit', 'replay', check.id, '--adapter', adapterSpec];
  if (check.replay !== undefined) {
    words.push('--seed', String(check.replay.runSeed));
    if (check.replay.path !== undefined) words.push('--path', check.replay.path);
    if (check.replay.scale !== undefined) words.push('--scale', check.replay.scale);
    if (check.replay.values !== undefined) words.push('--values', check.replay.values);
  }
  return words.map(shellWord).join(' ');
}
