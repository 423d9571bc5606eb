/**
 * Measures an operator's precision fingerprint (spec/numerics.md, `num.fingerprint`; src/check/precisionFingerprint.ts):
 * runs the operator on its record's fixed cases of growing n (src/operators/fingerprintCases.ts) and takes, per
 * candidate precision pair, the largest error/bound ratio under `num.bound.storage`.
 */
import type { Adapter, TensorData } from '../adapter/contract.js';
import { invokeOperator } from '../adapter/operatorCall.js';
import { declarationFor, type Declaration } from '../check/declaredNumerics.js';
import { absSumCall, modelBound } from '../check/modelBound.js';
import { behavesLike, FINGERPRINT_CANDIDATES, type HypothesisRatio, type PrecisionFingerprint } from '../check/precisionFingerprint.js';
import type { OperatorRecord } from '../operators/index.js';

function ratioOf(actual: ArrayLike<number>, expected: ArrayLike<number>, bound: (i: number) => number): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (!Number.isFinite(e)) continue;
    const err = Number.isFinite(a) ? Math.abs(a - e) : Infinity;
    const b = bound(i);
    worst = Math.max(worst, err === 0 ? 0 : b > 0 ? err / b : Infinity);
  }
  return worst;
}

/**
 * The fingerprint of the adapter's operator `record`, or null when the record has no fingerprint cases, the adapter
 * lacks the operator, or a case cannot be run.
 */
export async function measureFingerprint(adapter: Adapter, record: OperatorRecord): Promise<PrecisionFingerprint | null> {
  if (record.fingerprintCalls === undefined || typeof adapter[record.name] !== 'function') return null;
  const declared = declarationFor(adapter, record.name);
  const worst = new Array<number>(FINGERPRINT_CANDIDATES.length).fill(0);
  for (const call of record.fingerprintCalls()) {
    let actual: TensorData;
    try {
      actual = (await invokeOperator(adapter, call)) as TensorData;
    } catch {
      return null;
    }
    const expected = record.reference(call).data;
    FINGERPRINT_CANDIDATES.forEach((p, h) => {
      const d: Declaration = { algorithm: 'direct', winogradTile: 2, storage: p.storage, accumulate: p.accumulate };
      const absSums = record.reference(absSumCall(call, d)).data;
      worst[h] = Math.max(worst[h]!, ratioOf(actual.data, expected, modelBound(call, d, expected, absSums).bound));
    });
  }
  const ratios: HypothesisRatio[] = FINGERPRINT_CANDIDATES.map((p, h) => ({ ...p, ratio: worst[h]! }));
  return { operator: record.name, declared: { storage: declared.storage, accumulate: declared.accumulate }, behavesLike: behavesLike(ratios), ratios };
}
