/**
 * Checks a training trace against a training fixture's printed numbers: every printed loss and every printed
 * final parameter must come out as the same string when the trace's value is formatted with the printed
 * precision (printedNumber.ts). Returns the mismatches in the one message format (STYLE habit 6).
 *
 * A number the fixture lists under `notReproduced` (with its errata clause) is expected to DIFFER: if it ever
 * comes out as printed, the erratum is stale and that is reported too.
 */
import type { TrainingFixture } from './fixture.js';
import { formatLike } from './printedNumber.js';
import type { TrainingTrace } from './trainingRun.js';

export function trainingMismatches(f: TrainingFixture, trace: TrainingTrace): string[] {
  const where = `[training ${f.id}: lr ${f.optimizer.lr}, weight decay ${f.optimizer.weightDecay} (${f.optimizer.weightDecayForm}), ${f.epochs} epochs]`;
  const clause = f.clauses[0] ?? '';
  const out: string[] = [];
  const known = new Map((f.notReproduced ?? []).map((n) => [n.what, n.clause]));
  const compare = (what: string, value: number | undefined, printed: string) => {
    const got = value === undefined ? 'missing' : formatLike(value, printed);
    const erratum = known.get(what);
    if (erratum !== undefined) {
      if (got === printed) out.push(`${what}=${got}, but should differ from the printed ${printed} as §${erratum} records ${where}`);
    } else if (got !== printed) out.push(`${what}=${got}, but should be ${printed} (printed) ${where} §${clause}`);
  };
  for (const { epoch, printed } of f.printedLosses) compare(`loss of epoch ${epoch}`, trace.losses[epoch - 1], printed);
  f.printedFinal.weight.forEach((printed, i) => compare(`final weight[${i}]`, trace.weight.data[i], printed));
  (f.printedFinal.bias ?? []).forEach((printed, i) => compare(`final bias[${i}]`, trace.bias?.data[i], printed));
  return out;
}
