/**
 * One operator call as data — the operator's name, its named tensor inputs and its options — and the functions
 * that hand it to an adapter, forward or backward. Argument order comes from the operator's record
 * (src/operators/), so nothing here knows an operator by name.
 */
import type { Adapter, OperatorName, TensorData } from './contract.js';
import { operatorRecord } from '../operators/index.js';
import { bindArguments, type Signature } from '../operators/signature.js';

/** The forward operators: every adapter method that is not a backward one. */
export type ForwardOp = Exclude<OperatorName, `${string}Backward`>;

export interface OperatorCall {
  readonly op: ForwardOp;
  readonly inputs: Readonly<Record<string, TensorData | null>>;
  readonly options: Readonly<Record<string, unknown>>;
}

export class UnsupportedOperator extends Error {
  constructor(readonly adapterName: string, readonly op: string) {
    super(`adapter ${adapterName} does not implement ${op}`);
    this.name = 'UnsupportedOperator';
  }
}

type Method = (...args: unknown[]) => unknown;

function method(adapter: Adapter, name: OperatorName): Method {
  const f = adapter[name] as Method | undefined;
  if (typeof f !== 'function') throw new UnsupportedOperator(adapter.name, name);
  return f.bind(adapter);
}

/** The positional arguments of a method for a call (and a gradOutput, for a backward method). */
export function positionalArguments(signature: Signature, call: OperatorCall, gradOutput?: TensorData): unknown[] {
  return bindArguments(signature, call, gradOutput).map((a) => a.value);
}

/** Calls the adapter's operator; throws UnsupportedOperator when the adapter lacks it. */
export async function invokeOperator(adapter: Adapter, call: OperatorCall): Promise<unknown> {
  const record = operatorRecord(call.op);
  return method(adapter, record.name)(...positionalArguments(record.signature, call));
}

/**
 * The vector-Jacobian product of one call through the adapter's backward operator (spec/gradients.md,
 * `grad.vjp`), by input name, as the adapter answered it (validated by the caller). Throws
 * UnsupportedOperator when the operator has no backward or the adapter lacks it.
 */
export async function invokeBackward(adapter: Adapter, call: OperatorCall, gradOutput: TensorData): Promise<Record<string, TensorData | undefined>> {
  const backward = operatorRecord(call.op).backward;
  if (backward === undefined) throw new UnsupportedOperator(adapter.name, `${call.op}Backward`);
  const answer = await method(adapter, backward.method)(...positionalArguments(backward.signature, call, gradOutput));
  // Typed as the contract promises; every caller validates each gradient with checkAdapterResult.
  if (backward.answers === 'input') return { input: answer as TensorData };
  return typeof answer === 'object' && answer !== null ? { ...(answer as Record<string, TensorData>) } : { input: answer as TensorData };
}

/** The inputs a gradient is taken for: every tensor argument except an absent bias. */
export function differentiableInputs(call: OperatorCall): string[] {
  return Object.entries(call.inputs).filter(([, t]) => t !== null && t !== undefined).map(([name]) => name);
}
