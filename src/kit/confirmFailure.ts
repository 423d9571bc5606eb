/**
 * Before a property's failure is reported it is confirmed (issue 14): the shrunk case is run once more on the
 * same adapter, and — for an isolated adapter — once more on a fresh worker or process. An adapter whose second
 * answer differs is "nondeterministic" (both answers are kept); one that passes the case when fresh went wrong
 * earlier in the run (a broken heap, leftover state), so the case is not the adapter's bug as shown. Shrinking is
 * bounded too: after MAX_SHRINK_STEPS predicate calls past the first failure, later candidates are not run.
 */
import type { Adapter } from '../adapter/contract.js';
import { recentCalls, restartIsolated, type HistoryCall } from '../isolation/channelAdapter.js';
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
  const history = recentCalls(adapter);
  if (await restartIsolated(adapter, 'to confirm a counterexample in a fresh adapter')) {
    const fresh = await rerun();
    if (fresh.passed) {
      const culprit = await findCulprit(adapter, history, rerun);
      const blame = culprit === null
        ? `none of its last ${history.length} calls, replayed in a fresh adapter, brings the failure back`
        : `replayed in a fresh adapter, the earlier call ${describeCall(culprit.call)} (${culprit.index + 1} of the last ${history.length}) brings the failure back: that call left it broken`;
      return {
        verdict: 'passes-when-fresh',
        message: `the failure does not reproduce in a fresh adapter: the adapter went wrong earlier in this run; ${blame} — failure seen: ${describe(first)}`,
        answers: [first, again, fresh],
      };
    }
  }
  return { verdict: 'confirmed' };
}

/**
 * The first of the adapter's earlier calls after which the case fails again: each is replayed in order on the
 * fresh adapter (its answer ignored) and the case re-run after it. Null when none does.
 */
async function findCulprit(adapter: Adapter, history: readonly HistoryCall[], rerun: () => Promise<Outcome>): Promise<{ call: HistoryCall; index: number } | null> {
  for (const [index, call] of history.entries()) {
    const method = (adapter as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[call.op];
    if (typeof method !== 'function') continue;
    try {
      await method(...call.args);
    } catch {
      // Its own failure is not the question: whether the adapter is broken after it is.
    }
    if (!(await rerun()).passed) return { call, index };
  }
  return null;
}

/** `maxPool2d(input [1×1×4×4], {"kernelSize":2,…})`: the method, tensor shapes and options. */
function describeCall(call: HistoryCall): string {
  const args = call.args.map((a) => {
    const t = a as { shape?: unknown } | null;
    return t !== null && typeof t === 'object' && Array.isArray(t.shape) ? `[${(t.shape as number[]).join('×')}]` : boundText(JSON.stringify(a) ?? String(a), 200);
  });
  return `${call.op}(${args.join(', ')})`;
}

