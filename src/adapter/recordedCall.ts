/**
 * One adapter call as it happened, kept as data: the method, the operator call it was made for, the output
 * gradient of a backward call, and what came back (a tensor summary or the error). Reports and
 * reproductions are built from these records; nothing is parsed back out of a message.
 */
import type { OperatorName, TensorData } from './contract.js';
import type { OperatorCall } from './operatorCall.js';

export type CallOutcome =
  | { readonly kind: 'answered'; readonly shape?: readonly number[] }
  | { readonly kind: 'threw'; readonly name: string; readonly message: string };

export interface RecordedCall {
  readonly method: OperatorName;
  readonly call: OperatorCall;
  readonly gradOutput?: TensorData;
  readonly outcome?: CallOutcome;
}
