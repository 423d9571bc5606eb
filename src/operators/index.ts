/**
 * The operator registry: every operator convkit knows, in report order. Everything that once switched on an
 * operator name (calls, backward calls, shapes, tolerances, features, reproductions, report groups, the
 * method lists of the isolation channels, the generic properties) is derived from this list.
 */
import type { Adapter, OperatorName } from '../adapter/contract.js';
import type { ForwardOp } from '../adapter/operatorCall.js';
import { adaptiveAvgPool2dOperator } from './adaptiveAvgPool2d.js';
import { adaptiveMaxPool2dOperator } from './adaptiveMaxPool2d.js';
import { avgPool2dOperator } from './avgPool2d.js';
import { conv2dOperator } from './conv2d.js';
import { convTranspose2dOperator } from './convTranspose2d.js';
import { corr2dOperator } from './corr2d.js';
import { maxPool2dOperator } from './maxPool2d.js';
import type { OperatorRecord } from './operatorRecord.js';
import { pad2dOperator } from './pad2d.js';

export type { OperatorRecord, BackwardRecord, InvalidCall, PropertyText } from './operatorRecord.js';

export const OPERATORS: readonly OperatorRecord[] = [corr2dOperator, conv2dOperator, convTranspose2dOperator, pad2dOperator, maxPool2dOperator, avgPool2dOperator, adaptiveAvgPool2dOperator, adaptiveMaxPool2dOperator];

// Compile-time checks: every forward operator of the contract has a record (a missing key fails here), and
// every record's methods are keys of Adapter (`name: ForwardOp`, `backward.method: OperatorName`).
const BY_NAME: Readonly<Record<ForwardOp, OperatorRecord>> = {
  corr2d: corr2dOperator,
  conv2d: conv2dOperator,
  convTranspose2d: convTranspose2dOperator,
  pad2d: pad2dOperator,
  maxPool2d: maxPool2dOperator,
  avgPool2d: avgPool2dOperator,
  adaptiveAvgPool2d: adaptiveAvgPool2dOperator,
  adaptiveMaxPool2d: adaptiveMaxPool2dOperator,
};
type MethodsAreAdapterKeys = OperatorName extends keyof Adapter ? true : never;
export const METHODS_ARE_ADAPTER_KEYS: MethodsAreAdapterKeys = true;

export function operatorRecord(name: ForwardOp): OperatorRecord {
  return BY_NAME[name];
}

/** The record whose check-id form is `id` (`max-pool2d`), or undefined. */
export function operatorById(id: string): OperatorRecord | undefined {
  return OPERATORS.find((r) => r.id === id);
}

/** The forward record of a method, forward or backward (`maxPool2dBackward` → maxPool2d). */
export function operatorOfMethod(method: string): OperatorRecord | undefined {
  return OPERATORS.find((r) => r.name === method || r.backward?.method === method);
}

/** Every adapter method, forward ones first, in registry order. */
export const ADAPTER_METHODS: readonly OperatorName[] = [
  ...OPERATORS.map((r) => r.name),
  ...OPERATORS.flatMap((r) => (r.backward ? [r.backward.method] : [])),
];
