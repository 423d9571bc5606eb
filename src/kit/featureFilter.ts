/**
 * The case filter for an adapter that declared features unsupported: cases needing one are never drawn. The
 * filter is bounded (issue 14): fast-check retries a filter forever, so a property every case of which needs a
 * declared-off feature used to hang the run at 100% CPU. After MAX_REJECTIONS candidates in a row are rejected
 * with none accepted yet, generation stops with NoCaseCanBeDrawn, which names the features that blocked every
 * candidate ("every case needs conv2d.bias"); the check ends as skipped.
 */
import type fc from 'fast-check';
import type { Feature } from '../adapter/contract.js';

export const MAX_REJECTIONS = 1000;

export class NoCaseCanBeDrawn extends Error {
  override name = 'NoCaseCanBeDrawn';
  constructor(readonly rejected: number, readonly blocking: readonly Feature[]) {
    super(blocking.length > 0
      ? `every case needs ${blocking.join(' and ')} (${rejected} candidates in a row were rejected)`
      : `no case can be drawn: ${rejected} candidates in a row each needed a feature the adapter declared unsupported`);
  }
}

/** Counts of the candidates the filter saw, for the health check (`kit.health.vacuous`, `skipped-by-features`). */
export interface FilterTally {
  accepted: number;
  rejected: number;
}

export function featureFilter<T>(arbitrary: fc.Arbitrary<T>, caseFeatures: (value: T) => readonly Feature[], off: ReadonlySet<Feature>, limit = MAX_REJECTIONS, tally?: FilterTally): fc.Arbitrary<T> {
  let accepted = 0;
  let inARow = 0;
  let blocking: Set<Feature> | null = null;
  return arbitrary.filter((value) => {
    const needed = caseFeatures(value).filter((f) => off.has(f));
    if (needed.length === 0) {
      if (tally) tally.accepted++;
      accepted++;
      inARow = 0;
      return true;
    }
    inARow++;
    if (tally) tally.rejected++;
    blocking = blocking === null ? new Set(needed) : new Set([...blocking].filter((f) => needed.includes(f)));
    if (accepted === 0 && inARow >= limit) throw new NoCaseCanBeDrawn(inARow, [...blocking]);
    return false;
  });
}
