/** Whether the reference accepts a generated call; calls it rejects (E_EMPTY, pad limits) are not about gradients. */
import { reference } from '../../src/adapter/referenceAdapter.js';
import { invokeOperator, type OperatorCall } from '../../src/adapter/operatorCall.js';

export async function acceptedByReference(call: OperatorCall): Promise<boolean> {
  try {
    await invokeOperator(reference, call);
    return true;
  } catch {
    return false;
  }
}
