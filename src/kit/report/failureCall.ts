/**
 * The adapter calls behind a failure, as positional arguments, so a report can print a reproduction and draw
 * the inputs. They are the calls the runner recorded while the failing case ran (`detail.calls`,
 * src/adapter/recordingAdapter.ts); the argument order is the operator record's signature. Nothing is rebuilt
 * from a message.
 */
import type { RecordedCall } from '../../adapter/recordedCall.js';
import type { CheckResult } from '../../check/checkResult.js';
import { operatorOfMethod } from '../../operators/index.js';
import { bindArguments } from '../../operators/signature.js';

export interface CallArgument {
  /** A variable name for a tensor (`input`, `gradOutput`), or the option's role (`options`, `pads`). */
  readonly name: string;
  readonly value: unknown;
  readonly isTensor: boolean;
}

export interface FailureCall {
  /** The adapter method, e.g. `conv2d` or `conv2dBackward`. */
  readonly method: string;
  readonly args: readonly CallArgument[];
  /** What the call did when it was recorded. */
  readonly outcome?: RecordedCall['outcome'];
}

const isRecordedCall = (v: unknown): v is RecordedCall =>
  typeof v === 'object' && v !== null && typeof (v as RecordedCall).method === 'string' && typeof (v as RecordedCall).call === 'object' && (v as RecordedCall).call !== null;

/** Every adapter call the failing case made, in order. */
export function recordedCalls(check: CheckResult): RecordedCall[] {
  const calls = check.detail?.calls;
  return Array.isArray(calls) ? calls.filter(isRecordedCall) : [];
}

/** A recorded call's positional arguments, named by its method's signature. */
export function recordedArguments(recorded: RecordedCall): FailureCall {
  const record = operatorOfMethod(recorded.method);
  const signature = record === undefined ? [] : record.name === recorded.method ? record.signature : (record.backward?.signature ?? []);
  const args = bindArguments(signature, { ...recorded.call, inputs: recorded.call.inputs ?? {}, options: recorded.call.options ?? {} }, recorded.gradOutput).map(({ parameter, value }) => ({
    name: parameter.name,
    value,
    isTensor: (parameter.kind === 'tensor' || parameter.kind === 'gradOutput') && value !== null,
  }));
  return { method: recorded.method, args, ...(recorded.outcome ? { outcome: recorded.outcome } : {}) };
}

/**
 * The failing call: the last call the case made — the one that threw, or whose answer the property judged (a
 * throw ends the case). Null when the case made no adapter call (a check that could not run).
 */
export function failureCall(check: CheckResult): FailureCall | null {
  const calls = recordedCalls(check);
  const last = calls[calls.length - 1];
  if (last === undefined) return null;
  try {
    return recordedArguments(last);
  } catch {
    return null; // a record from an older report whose call lacks a required input
  }
}
