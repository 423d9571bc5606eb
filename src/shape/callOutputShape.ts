/** The output shape of any operator call, from its record's shape module (throws on bad input). */
import type { OperatorCall } from '../adapter/operatorCall.js';
import { operatorRecord } from '../operators/index.js';

export function callOutputShape(call: OperatorCall): number[] {
  return operatorRecord(call.op).outputShape(call);
}
