/**
 * The pieces of an element's bound under a declaration (spec/numerics.md, `num.declaration`), kept as plain
 * functions of (terms, absSum, declaration) so every judge — the properties' referenceWithBound, the golden
 * fixtures — builds the same bound however it obtains Σ|x·w|.
 */
import type { TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { directIn, storageShift, type Declaration } from './declaredNumerics.js';
import { copyBound, sumBound } from './tolerance.js';

/** |t| + shift, element by element. */
export function shiftedAbs(t: TensorData, shift: number): TensorData {
  return { shape: [...t.shape], data: Float64Array.from(t.data, (v) => Math.abs(v) + shift) };
}

/** The call whose reference result is the absSum of every output element: |inputs| (+ λ, `num.bound.storage`). */
export function absSumCall(call: OperatorCall, declaration: Declaration): OperatorCall {
  const shift = storageShift(declaration);
  const inputs: Record<string, TensorData | null> = {};
  for (const [k, t] of Object.entries(call.inputs)) inputs[k] = t === null ? null : shiftedAbs(t, shift);
  return { ...call, inputs };
}

/** One element's bound: a sum's (`terms` > 0) or a copy's (`terms` = 0, where `value` is the expected element). */
export function elementBound(terms: number, absSum: number, declaration: Declaration, value: number): number {
  return terms === 0 ? copyBound(value, declaration) : sumBound(terms, absSum, declaration);
}

/** Whether a declaration differs from direct summation in the adapter's dtype (golden fixtures then use the model). */
export function isModelled(declaration: Declaration, dtype: 'float32' | 'float64'): boolean {
  const plain = directIn(dtype);
  return declaration.algorithm !== plain.algorithm || declaration.storage !== plain.storage || declaration.accumulate !== plain.accumulate;
}
