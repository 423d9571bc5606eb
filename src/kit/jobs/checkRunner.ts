/**
 * checkRunner(adapter, options, planned): runs one planned check by its index on this thread's adapter, for
 * the main thread and the check workers alike, and says which operators that adapter's circuit breaker has cut
 * off so far (`kit.protocol.breaker`).
 */
import type { Adapter, OperatorName } from '../../adapter/contract.js';
import type { CheckResult } from '../../check/checkResult.js';
import { isolationStatus } from '../../isolation/channelAdapter.js';
import { readOnlyInputs } from '../readOnlyInputs.js';
import type { RunCoverage } from '../coverage/runCoverage.js';
import { checkSettings, plannedCheckBase, runPlannedCheck, type ConformanceOptions, type PlannedCheck, type PlannedOutcome } from '../runConformance.js';

export interface RanCheck {
  readonly result: CheckResult;
  /** A property's coverage (`kit.coverage`), merged by the main thread in plan order. */
  readonly coverage?: RunCoverage;
  readonly cutOff: readonly OperatorName[];
}

export function checkRunner(given: Adapter, options: ConformanceOptions, planned: readonly PlannedCheck[]): (index: number) => Promise<RanCheck> {
  const adapter = readOnlyInputs(given);
  const settings = checkSettings(options);
  return async (index) => {
    const check = planned[index]!;
    // runPlannedCheck reports an adapter's failures itself; a throw here is the kit's own defect, still one check's error.
    const outcome = await runPlannedCheck(adapter, check, settings).catch(
      (e: unknown): PlannedOutcome => ({ result: { ...plannedCheckBase(check), status: 'error', message: `the check threw: ${(e as Error).message}` } }),
    );
    return { ...outcome, cutOff: [...(isolationStatus(given)?.cutOff ?? [])] };
  };
}
