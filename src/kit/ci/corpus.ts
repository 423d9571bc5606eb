/**
 * The counterexample corpus, like Hypothesis's example database: every failing property case is saved (run seed
 * and fast-check replay path) in a file beside the baseline and replayed first on later runs, so a bug once found
 * is always re-checked even if random generation would not find it again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CheckResult } from '../../check/checkResult.js';

export interface CorpusEntry {
  readonly id: string;
  /** The run seed the case was found with (the property's own seed derives from it). */
  readonly runSeed: number;
  readonly path: string;
  readonly foundAt: string;
}

export function corpusPathFor(baselinePath: string): string {
  return baselinePath.replace(/(\.json)?$/, '.corpus.json');
}

export function readCorpus(path: string): CorpusEntry[] {
  if (!existsSync(path)) return [];
  const json = JSON.parse(readFileSync(path, 'utf8')) as { entries?: CorpusEntry[] };
  return Array.isArray(json.entries) ? json.entries : [];
}

/**
 * Adds the failing property cases of a run that the corpus does not hold yet; returns how many were added.
 * Each entry is the check's own replay record, so a case replayed from the corpus keeps the seed it was found
 * with, whatever the current run's seed.
 */
export function recordCounterexamples(path: string, checks: readonly CheckResult[], now = new Date()): number {
  const entries = readCorpus(path);
  const key = (id: string, runSeed: number, p: string) => JSON.stringify([id, runSeed, p]);
  const known = new Set(entries.map((e) => key(e.id, e.runSeed, e.path)));
  let added = 0;
  for (const c of checks) {
    if ((c.status !== 'failed' && c.status !== 'error') || c.replay?.path === undefined) continue;
    const { runSeed, path: replayPath } = c.replay;
    if (known.has(key(c.id, runSeed, replayPath))) continue;
    known.add(key(c.id, runSeed, replayPath));
    entries.push({ id: c.id, runSeed, path: replayPath, foundAt: now.toISOString() });
    added++;
  }
  if (added > 0) writeFileSync(path, `${JSON.stringify({ entries }, null, 2)}\n`);
  return added;
}
