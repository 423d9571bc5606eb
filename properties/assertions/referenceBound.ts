/**
 * The reference's answer for a call together with the per-element tolerance of spec/numerics.md
 * (`num.tolerance`): the operator record's one-pass reference gives the result and Σ|xᵢ·wᵢ| for every output
 * element together (the same values as the operator on |inputs|, without a second call). The tolerance is the
 * adapter's declared one for the call's operator (`num.declaration`); with inputs rounded to a coarser storage,
 * Σ(|xᵢ| + λ)(|wᵢ| + λ) instead (`num.bound.storage`), which takes a second reference call on the shifted inputs.
 */
import type { Adapter } from '../../src/adapter/contract.js';
import type { OperatorCall } from '../../src/adapter/operatorCall.js';
import { operatorRecord } from '../../src/operators/index.js';
import type { Dtype } from '../../src/check/tolerance.js';
import { declarationFor, directIn, storageShift, type Declaration } from '../../src/check/declaredNumerics.js';
import { absSumCall, modelBound } from '../../src/check/modelBound.js';
import type { Tensor } from '../../src/tensor/tensor.js';
import { callReference } from '../callAdapter.js';

export interface Expectation {
  readonly expected: Tensor;
  readonly bound: (index: number) => number;
  /** For a transform algorithm, the elements whose transform block holds a non-finite input (`num.nan-locality`). */
  readonly blockNonFinite?: (index: number) => boolean;
}

/** Whose numerics judge a call: an adapter (its declaration for the call's operator), or a bare dtype (direct). */
export type NumericsSource = Dtype | Pick<Adapter, 'dtype' | 'numerics'>;

export function declarationOf(source: NumericsSource, call: Pick<OperatorCall, 'op'>): Declaration {
  return typeof source === 'string' ? directIn(source) : declarationFor(source, call.op);
}

/** Products summed per output element of the call: the n of γ(n), from the operator's record. */
export function termsPerOutput(call: OperatorCall): number {
  return operatorRecord(call.op).terms(call);
}

export async function referenceWithBound(call: OperatorCall, numerics: NumericsSource): Promise<Expectation> {
  const declaration = declarationOf(numerics, call);
  const record = operatorRecord(call.op);
  const terms = record.terms(call);
  if (storageShift(declaration) > 0) {
    const expected = await callReference(call);
    const absSums = terms === 0 ? expected : await callReference(absSumCall(call, declaration));
    return { expected, ...modelBound(call, declaration, expected.data, absSums.data) };
  }
  // A fresh tensor of the reference's own (not traced: the reproduction repeats the adapter's calls only).
  const { result: expected, absSum } = record.referenceWithAbsSum(call);
  if (terms === 0) return { expected, ...modelBound(call, declaration, expected.data, expected.data) };
  if (absSum === null) throw new Error(`${call.op}: the record's referenceWithAbsSum gives no absolute sum, but the call sums ${terms} terms (num.tolerance)`);
  return { expected, ...modelBound(call, declaration, expected.data, absSum.data) };
}
