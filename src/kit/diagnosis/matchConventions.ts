/**
 * Which named conventions explain a failure (issue 13): a convention matches when, on every evaluated case (the
 * failing calls and cases drawn near them), its variant's answer agrees with the adapter's — the reference's
 * answer standing where the variant reads a call as the spec does — and on at least one case the adapter and the
 * reference disagree. A random bug rarely agrees with a variant on every neighbour.
 */
import type { Adapter } from '../../adapter/contract.js';
import type { Dtype } from '../../check/tolerance.js';
import { conventionsFor, type Convention } from '../../diagnosis/conventionCatalogue.js';
import type { ConventionMatch } from '../../diagnosis/diagnosis.js';
import { adapterOutcome, agree, referenceOutcome, type CallCase, type Outcome } from './callCase.js';

export interface EvaluatedCase {
  readonly case: CallCase;
  readonly adapter: Outcome;
  readonly reference: Outcome;
}

export async function evaluate(adapter: Adapter, cases: readonly CallCase[], deadline: number): Promise<{ evaluated: EvaluatedCase[]; timedOut: boolean }> {
  const evaluated: EvaluatedCase[] = [];
  for (const c of cases) {
    if (Date.now() > deadline) return { evaluated, timedOut: true };
    evaluated.push({ case: c, adapter: await adapterOutcome(adapter, c), reference: referenceOutcome(c) });
  }
  return { evaluated, timedOut: false };
}

function variantOutcome(convention: Convention, e: EvaluatedCase, dtype: Dtype): Outcome {
  try {
    const answer = convention.answer(e.case.call, e.case.gradOutput, { dtype });
    return answer === null ? e.reference : { kind: 'answer', answer };
  } catch {
    return { kind: 'threw' };
  }
}

export function matchingConventions(evaluated: readonly EvaluatedCase[], dtype: Dtype): ConventionMatch[] {
  const differing = evaluated.filter((e) => !agree(e.adapter, e.reference, dtype));
  if (differing.length === 0) return [];
  const candidates = new Set(differing.flatMap((e) => conventionsFor(e.case.method)));
  const matches: ConventionMatch[] = [];
  for (const convention of candidates) {
    if (evaluated.every((e) => (convention.methods.includes(e.case.method) ? agree(e.adapter, variantOutcome(convention, e, dtype), dtype) : agree(e.adapter, e.reference, dtype)))) {
      matches.push({ id: convention.id, title: convention.title, source: convention.source });
    }
  }
  return matches;
}
