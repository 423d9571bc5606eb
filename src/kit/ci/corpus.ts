/**
 * The counterexample corpus, like Hypothesis's example database: every failing property case is saved (run seed
 * and fast-check replay path) in a file beside the baseline and replayed first on later runs, so a bug once found
 * is always re-checked even if random generation would not find it again.
 *
 * The file is never written in place: an update takes the corpus lock, reads the file again, merges the run's
 * new entries into what is there now (another run may have added some) and replaces it atomically. A damaged
 * corpus is moved aside as `<file>.corrupt-<time>` and reported, and the run goes on without it.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { CheckResult } from '../../check/checkResult.js';
import { withFileLock } from '../io/fileLock.js';
import { isScale, type Scale } from '../../shape/scale.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';

export interface CorpusEntry {
  readonly id: string;
  /** The run seed the case was found with (the property's own seed derives from it). */
  readonly runSeed: number;
  readonly path: string;
  /** The scale the case was drawn at, when not 'default' (a path means a case only at its own scale). */
  readonly scale?: Scale;
  /** 'exact' when the case was drawn in exact mode (`num.values.exact`). */
  readonly values?: 'exact';
  readonly foundAt: string;
}

export interface CorpusRead {
  readonly entries: CorpusEntry[];
  /** When the file was damaged: what was wrong, and where it was moved. */
  readonly damaged?: { readonly problem: string; readonly movedTo: string };
}

export function corpusPathFor(baselinePath: string): string {
  return baselinePath.replace(/(\.json)?$/, '.corpus.json');
}

/** What is wrong with a parsed corpus file, or null. */
export function corpusProblem(json: unknown): string | null {
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (typeof json !== 'object' || json === null || !Array.isArray(entries)) return 'expected {"entries": [...]}';
  for (const [i, e] of entries.entries()) {
    const entry = e as Partial<CorpusEntry> | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || typeof entry.runSeed !== 'number' || typeof entry.path !== 'string' || (entry.scale !== undefined && !isScale(String(entry.scale))) || (entry.values !== undefined && entry.values !== 'exact')) {
      return `entries[${i}] must be {id: string, runSeed: number, path: string, scale?: small|default|large, values?: exact, foundAt}, got ${JSON.stringify(e)?.slice(0, 120)}`;
    }
  }
  return null;
}

function corruptPath(path: string, now: Date): string {
  return `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** The corpus at `path` ([] when there is none); a damaged one is moved aside and reported in `damaged`. */
export function readCorpusFile(path: string, now = new Date()): CorpusRead {
  if (!existsSync(path)) return { entries: [] };
  const text = readFileSync(path, 'utf8');
  let problem: string | null;
  let json: unknown;
  try {
    json = JSON.parse(text);
    problem = corpusProblem(json);
  } catch (e) {
    problem = `not JSON (${(e as Error).message})`;
  }
  if (problem === null) return { entries: (json as { entries: CorpusEntry[] }).entries };
  const movedTo = corruptPath(path, now);
  renameSync(path, movedTo);
  return { entries: [], damaged: { problem, movedTo } };
}

/** The entries only (a damaged file is moved aside silently: use readCorpusFile to report it). */
export function readCorpus(path: string): CorpusEntry[] {
  return readCorpusFile(path).entries;
}

/**
 * The failing property cases of a run, as corpus entries: each check's own replay record, so a case replayed
 * from the corpus keeps the seed it was found with, whatever the current run's seed.
 */
export function counterexampleEntries(checks: readonly CheckResult[], now = new Date()): CorpusEntry[] {
  return checks.flatMap((c) =>
    (c.status === 'failed' || c.status === 'error') && c.replay?.path !== undefined ? [{ id: c.id, runSeed: c.replay.runSeed, path: c.replay.path, ...(c.replay.scale !== undefined ? { scale: c.replay.scale } : {}), ...(c.replay.values !== undefined ? { values: c.replay.values } : {}), foundAt: now.toISOString() }] : [],
  );
}

const entryKey = (e: CorpusEntry) => `${e.id}@${e.runSeed}@${e.path}@${e.scale ?? 'default'}@${e.values ?? 'default'}`;

export interface CorpusUpdate {
  /** How many entries were new. */
  readonly added: number;
  /** The file was damaged when it was read again under the lock. */
  readonly damaged?: CorpusRead['damaged'];
}

/**
 * Merges `fresh` into the corpus under its lock: reads the file as it is now, adds the entries it does not hold
 * yet and replaces it atomically.
 */
export async function mergeIntoCorpus(path: string, fresh: readonly CorpusEntry[]): Promise<CorpusUpdate> {
  return withFileLock(path, () => {
    const current = readCorpusFile(path);
    const entries = [...current.entries];
    const known = new Set(entries.map(entryKey));
    let added = 0;
    for (const e of fresh) {
      const key = entryKey(e);
      if (known.has(key)) continue;
      known.add(key);
      entries.push(e);
      added++;
    }
    if (added > 0 || current.damaged !== undefined) writeFileAtomic(path, `${JSON.stringify({ entries }, null, 2)}\n`);
    return { added, ...(current.damaged ? { damaged: current.damaged } : {}) };
  });
}

/** Adds the failing property cases of a run that the corpus does not hold yet; resolves with how many were added. */
export async function recordCounterexamples(path: string, checks: readonly CheckResult[], now = new Date()): Promise<number> {
  return (await mergeIntoCorpus(path, counterexampleEntries(checks, now))).added;
}
