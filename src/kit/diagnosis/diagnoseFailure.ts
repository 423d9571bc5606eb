/**
 * Diagnosis of a failed check (issue 13): its recorded calls (detail.calls) and cases drawn near them are run
 * on the adapter and the reference; the conventions whose variants explain every answer are named, and the first
 * call on which the adapter and the reference disagree is explained (explainFailure.ts). Runs only on failures,
 * within a time box, so passing runs pay nothing.
 */
import type { Adapter } from '../../adapter/contract.js';
import type { RecordedCall } from '../../adapter/recordedCall.js';
import type { Dtype } from '../../check/tolerance.js';
import type { Diagnosis } from '../../diagnosis/diagnosis.js';
import { agree, caseOf, type CallCase } from './callCase.js';
import { explainFailure } from './explainFailure.js';
import { evaluate, matchingConventions } from './matchConventions.js';
import { grownCase, nearCases } from './nearCases.js';

/** Distinct recorded calls diagnosed, cases drawn near each, and the time box of the whole diagnosis. */
export const DIAGNOSIS_CALLS = 2;
export const NEAR_CASES = 3;
export const DIAGNOSIS_BUDGET_MS = 1500;

const key = (c: CallCase) => JSON.stringify([c.method, c.call, c.gradOutput ? Array.from(c.gradOutput.data) : null], (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

export async function diagnoseFailure(adapter: Adapter, calls: readonly RecordedCall[], budgetMs = DIAGNOSIS_BUDGET_MS): Promise<Diagnosis | undefined> {
  const dtype: Dtype = adapter.dtype === 'float32' ? 'float32' : 'float64';
  const seen = new Set<string>();
  const recorded: CallCase[] = [];
  for (const r of calls) {
    if (recorded.length >= DIAGNOSIS_CALLS) break;
    const c = caseOf(r);
    const k = key(c);
    if (!seen.has(k)) {
      seen.add(k);
      recorded.push(c);
    }
  }
  if (recorded.length === 0) return undefined;
  const deadline = Date.now() + budgetMs;
  const cases = recorded.flatMap((c, i) => {
    const grown = grownCase(c, 0x1310 + i);
    return [c, ...nearCases(c, NEAR_CASES, 0x1300 + i), ...(grown !== null ? [grown] : [])];
  });
  const { evaluated, timedOut } = await evaluate(adapter, cases, deadline);
  const conventions = matchingConventions(evaluated, dtype);
  const failing = evaluated.find((e) => recorded.includes(e.case) && !agree(e.adapter, e.reference, dtype))
    ?? evaluated.find((e) => !agree(e.adapter, e.reference, dtype));
  if (failing === undefined) return { conventions, ...(timedOut ? { timedOut } : {}) };
  const explanation = await explainFailure(adapter, failing.case, dtype, deadline);
  return { conventions, dependsOn: explanation.dependsOn, free: explanation.free, ...(timedOut || explanation.timedOut ? { timedOut: true } : {}) };
}
