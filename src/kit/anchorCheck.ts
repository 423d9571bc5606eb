/**
 * The anchor of a relational property (issue 14): a property that only relates an adapter's answers to each
 * other — linearity, equivariance, transposition — is passed by an adapter that answers NaN, or 0, everywhere.
 * So once a property has passed, the first operator call it made is also compared with the reference, with the
 * tolerance of spec/numerics.md (`num.tolerance`). For a property that compares with the reference anyway it
 * costs one more call and finds nothing new.
 */
import type { Adapter } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { operatorRecord } from '../operators/index.js';
import { callOp, describeCall } from '../../properties/callAdapter.js';
import { expectClose } from '../../properties/assertions/expectClose.js';
import { referenceWithBound } from '../../properties/assertions/referenceBound.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';

/** The anchor's failure, or null when the adapter's answer to `call` agrees with the reference (or the reference cannot answer it). */
export async function anchorFailure(adapter: Adapter, call: OperatorCall): Promise<PropertyFailure | null> {
  let expectation;
  try {
    expectation = await referenceWithBound(call, adapter.dtype);
  } catch {
    return null; // a call only the property's relation gives meaning to
  }
  const actual = await callOp(adapter, call, expectation.expected.shape);
  const clause = operatorRecord(call.op).definition.clauses[0] ?? 'num.tolerance';
  try {
    expectClose(actual, expectation.expected, expectation.bound, { what: `anchor: ${call.op}`, call: describeCall(call), clause });
  } catch (e) {
    if (e instanceof PropertyFailure) return e;
    throw e;
  }
  return null;
}
