/**
 * An adapter method's positional parameters, as data: which argument is a tensor input of the call, which is
 * the gradient, and which are options (the whole options object, or one field of it). The adapter's calls,
 * the reproductions in reports and the Python helper's dispatch are all built from one signature per method,
 * so no code switches on an operator name to know its argument order.
 */
import type { TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';

export type Parameter =
  /** A tensor of `call.inputs`; `nullable` ones (a bias) are passed as null when absent. */
  | { readonly kind: 'tensor'; readonly name: string; readonly nullable?: boolean }
  /** The output gradient of a backward operator. */
  | { readonly kind: 'gradOutput'; readonly name: 'gradOutput' }
  /** The call's whole options object. */
  | { readonly kind: 'options'; readonly name: 'options' }
  /** One field of the options, positionally (pad2d's pads, mode, value); `optional` ones are left off when undefined. */
  | { readonly kind: 'option'; readonly name: string; readonly optional?: boolean };

export type Signature = readonly Parameter[];

export const tensor = (name: string, nullable = false): Parameter => ({ kind: 'tensor', name, ...(nullable ? { nullable } : {}) });
export const gradOutput: Parameter = { kind: 'gradOutput', name: 'gradOutput' };
export const options: Parameter = { kind: 'options', name: 'options' };
export const option = (name: string, optional = false): Parameter => ({ kind: 'option', name, ...(optional ? { optional } : {}) });

/** One positional argument with the parameter it fills, for printing a reproduction. */
export interface BoundArgument {
  readonly parameter: Parameter;
  readonly value: unknown;
}

/**
 * The positional arguments of `signature` for `call` (and `grad` for a backward). A missing required tensor is
 * a defect of the caller, reported with the operator and the argument's name.
 */
export function bindArguments(signature: Signature, call: OperatorCall, grad?: TensorData): BoundArgument[] {
  const bound: BoundArgument[] = [];
  for (const p of signature) {
    switch (p.kind) {
      case 'tensor': {
        const t = call.inputs[p.name];
        if ((t === undefined || t === null) && !p.nullable) throw new TypeError(`${call.op} call: input ${p.name} is missing`);
        bound.push({ parameter: p, value: t ?? null });
        break;
      }
      case 'gradOutput':
        if (grad === undefined) throw new TypeError(`${call.op} backward call: gradOutput is missing`);
        bound.push({ parameter: p, value: grad });
        break;
      case 'options':
        bound.push({ parameter: p, value: call.options });
        break;
      case 'option': {
        const v = call.options[p.name];
        if (v === undefined && p.optional) break;
        bound.push({ parameter: p, value: v });
        break;
      }
    }
  }
  return bound;
}

/**
 * The inverse of bindArguments: a call (and a gradOutput) from a method's positional arguments, for adapters
 * built from records (the reference) and for the channels that forward calls by name.
 */
export function callFromArguments(signature: Signature, op: OperatorCall['op'], args: readonly unknown[]): { call: OperatorCall; gradOutput?: TensorData } {
  const inputs: Record<string, TensorData | null> = {};
  let opts: Record<string, unknown> = {};
  let grad: TensorData | undefined;
  signature.forEach((p, i) => {
    const v = args[i];
    switch (p.kind) {
      case 'tensor':
        inputs[p.name] = (v ?? null) as TensorData | null;
        break;
      case 'gradOutput':
        grad = v as TensorData;
        break;
      case 'options':
        // An absent options object is the defaults; anything else (null included) goes to the operator's checks.
        if (v !== undefined) opts = v as Record<string, unknown>;
        break;
      case 'option':
        if (v !== undefined) opts = { ...opts, [p.name]: v };
        break;
    }
  });
  return { call: { op, inputs, options: opts }, ...(grad !== undefined ? { gradOutput: grad } : {}) };
}
