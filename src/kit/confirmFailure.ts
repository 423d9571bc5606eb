/**
 * Before a property's failure is reported it is confirmed (issue 14): the shrunk case is run once more on the
 * same adapter, and — for an isolated adapter — once more on a fresh worker or process. An adapter whose second
 * answer differs is "nondeterministic" (both answers are kept); one that passes the case when fresh went wrong
 * earlier in the run (a broken heap, leftover state), so the case is not the adapter's bug as shown. Shrinking is
 * bounded too: after MAX_SHRINK_STEPS predicate calls past the first failure, later candidates are not run.
 */
import type { Adapter } from '../adapter/contract.js';
import { restartIsolated } from '../isolation/channelAdapter.js';
import { boundText } from '../errors/boundedText.js';

export const MAX_SHRINK_STEPS = 500;

/** Counts predicate calls after the first failure; `exhausted` once the bound is reached. */
export class ShrinkBudget {
  private failedOnce = false;
  steps = 0;
  hit = false;

  constructor(readonly bound = MAX_SHRINK_STEPS) {}

  /** True when this call should not run (the bound was reached): the candidate counts as passing. */
  exhausted(): boolean {
    if (!this.failedOnce) return false;
    if (this.steps >= this.bound) return (this.hit = true);
    this.steps++;
    return false;
  }

  failed(): void {
    this.failedOnce = true;
  }
}

export type Outcome = { readonly passed: true } | { readonly passed: false; readonly message: string };

export interface Confirmation {
  /** `confirmed`: the same answer again (and when fresh); otherwise why the failure is not the case's. */
  readonly verdict: 'confirmed' | 'nondeterministic' | 'passes-when-fresh';
  readonly message?: string;
  readonly answers?: readonly Outcome[];
}

const describe = (o: Outcome) => (o.passed ? 'passed' : boundText(o.message, 1500));

/** Runs the failing case again (`rerun`) on the same adapter, then on a fresh one when it is isolated. */
export async function confirmFailure(adapter: Adapter, first: Outcome & { passed: false }, rerun: () => Promise<Outcome>): Promise<Confirmation> {
  const again = await rerun();
  if (again.passed || again.message !== first.message) {
    return {
      verdict: 'nondeterministic',
      message: `nondeterministic adapter: the same case answered differently when run again — first: ${describe(first)}; then: ${describe(again)}`,
      answers: [first, again],
    };
  }
  if (await restartIsolated(adapter, 'to confirm a counterexample in a fresh adapter')) {
    const fresh = await rerun();
    if (fresh.passed) {
      return {
        verdict: 'passes-when-fresh',
        message: `the failure does not reproduce in a fresh adapter: the adapter went wrong earlier in this run (an earlier call left it broken), and this case passes when it is restarted — failure seen: ${describe(first)}`,
        answers: [first, again, fresh],
      };
    }
  }
  return { verdict: 'confirmed' };
}
