/**
 * The anchor of a relational property (issue 14): a property that only relates an adapter's answers to each
 * other — linearity, equivariance, transposition — is passed by an adapter that answers NaN, or 0, everywhere.
 * So once such a property (ANCHORED_FAMILIES) has passed, the first operator call it made is also compared
 * with the reference, with the tolerance of spec/numerics.md (`num.tolerance`). Shape, definition and oracle
 * properties are not anchored: they compare with the reference or an oracle already, or are about shapes only.
 */
import type { Adapter } from '../adapter/contract.js';
import type { Family } from '../check/checkFamily.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { operatorRecord } from '../operators/index.js';
import { callOp, describeCall } from '../../properties/callAdapter.js';
import { expectClose } from '../../properties/assertions/expectClose.js';
import { referenceWithBound } from '../../properties/assertions/referenceBound.js';
import { PropertyFailure } from '../../properties/propertyFailure.js';

/** The families whose properties relate answers to each other only, and so are anchored. */
export const ANCHORED_FAMILIES: ReadonlySet<Family> = new Set(['transposition', 'linearity', 'equivariance', 'decomposition', 'invariants']);

/** The anchor's failure, or null when the adapter's answer to `call` agrees with the reference (or the reference cannot answer it). */
export async function anchorFailure(adapter: Adapter, call: OperatorCall): Promise<PropertyFailure | null> {
  let expectation;
  try {
    expectation = await referenceWithBound(call, adapter.dtype);
  } catch {
    return null; // a call only the property's relation gives meaning to
  }
  const clause = operatorRecord(call.op).definition.clauses[0] ?? 'num.tolerance';
  try {
    // A well-formed answer of the wrong shape is a wrong answer (callOp throws the shape clause's failure), not
    // an adapter error: the anchor reports it as a failure like a wrong value.
    const actual = await callOp(adapter, call, expectation.expected.shape);
    expectClose(actual, expectation.expected, expectation.bound, { what: `anchor: ${call.op}`, call: describeCall(call), clause });
  } catch (e) {
    if (e instanceof PropertyFailure) return e;
    throw e;
  }
  return null;
}
