/**
 * A named convention (issue 13): a way real implementations read an operator differently from the spec, as a
 * small variant of the reference with its source cited (spec/conventions.md). On a failure the kit evaluates the
 * failing calls under each variant that applies and reports the ones whose answers equal the adapter's.
 *
 * Layering: variants sit beside the reference — they import src/reference, src/shape and src/operators only.
 */
import type { OperatorName } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import type { Dtype } from '../check/tolerance.js';
import { operatorRecord } from '../operators/index.js';
import type { Tensor } from '../tensor/tensor.js';

/** An operator's answer by output name: `output` for a forward call, the input names for a backward one. */
export type Answer = Readonly<Record<string, Tensor>>;

export interface ConventionContext {
  /** The adapter's declared precision (the lowest float of `empty-window-lowest-float` depends on it). */
  readonly dtype: Dtype;
}

export interface Convention {
  /** Stable id, as in the issue and spec/conventions.md (`count-include-pad-false`). */
  readonly id: string;
  readonly title: string;
  /** Where this convention is documented or implemented. */
  readonly source: string;
  /** The adapter methods (forward or backward) the variant reads differently. */
  readonly methods: readonly OperatorName[];
  /**
   * The variant's answer to one call of one of `methods`, or null where the variant reads this call as the spec
   * does (the reference's answer stands). Throws where the variant has no answer (it finds the call invalid).
   */
  readonly answer: (call: OperatorCall, gradOutput: Tensor | undefined, context: ConventionContext) => Answer | null;
}

/** A forward variant that only rewrites the call: the reference's answer to the rewritten call, or null when unchanged. */
export function rewrittenForward(rewrite: (call: OperatorCall) => OperatorCall | null): Convention['answer'] {
  return (call) => {
    const changed = rewrite(call);
    return changed === null ? null : { output: operatorRecord(changed.op).reference(changed) };
  };
}

/** A variant of forward and backward calls alike that rewrites the call's options (the backward reads the same options). */
export function rewrittenCall(rewrite: (call: OperatorCall) => OperatorCall | null): Convention['answer'] {
  return (call, gradOutput) => {
    const changed = rewrite(call);
    if (changed === null) return null;
    const record = operatorRecord(changed.op);
    if (gradOutput === undefined) return { output: record.reference(changed) };
    const grads = record.backward!.reference(changed, gradOutput);
    return Object.fromEntries(Object.entries(grads).filter((e): e is [string, Tensor] => e[1] !== undefined));
  };
}

/** `[a, b]` as [b, a]; null when the value is no pair of two different numbers (swapping changes nothing). */
export function swappedPair(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2 || value[0] === value[1]) return null;
  return [value[1] as number, value[0] as number];
}

export const withOptions = (call: OperatorCall, options: Record<string, unknown>): OperatorCall => ({ ...call, options: { ...call.options, ...options } });
