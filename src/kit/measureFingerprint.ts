/**
 * Measures an operator's precision fingerprint (spec/numerics.md, `num.fingerprint`; src/check/precisionFingerprint.ts):
 * runs conv2d on fixed cases of growing n — positive long sums (n = 64 to 4096, `num.bound.long-sums`), mixed-sign
 * sums (n = 9 to 576), values below float16's normal range — and takes, per candidate precision pair, the largest
 * error/bound ratio under `num.bound.storage`.
 */
import type { Adapter, TensorData } from '../adapter/contract.js';
import { invokeOperator, type OperatorCall } from '../adapter/operatorCall.js';
import { declarationFor, type Declaration } from '../check/declaredNumerics.js';
import { absSumCall, modelBound } from '../check/modelBound.js';
import { behavesLike, FINGERPRINT_CANDIDATES, type HypothesisRatio, type PrecisionFingerprint } from '../check/precisionFingerprint.js';
import { operatorRecord } from '../operators/index.js';

/** A linear congruential walk, so the cases are the same in every run. */
function walk(count: number, seed: number, value: (bits: number) => number): Float64Array {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = value(s >>> 8);
  }
  return out;
}

const tensorOf = (shape: number[], seed: number, value: (bits: number) => number): TensorData => ({ shape, data: walk(shape.reduce((a, b) => a * b, 1), seed, value) });

/** Multiples of 2⁻¹⁰ in [1/2, 1] (exact in float16 and TF32), of 2⁻¹⁸ in (−4, 4), and odd multiples of 2⁻²⁷ below 2⁻²⁰. */
const positive = (b: number) => (512 + (b % 512)) / 1024;
const mixed = (b: number) => ((b % 2 ** 21) - 2 ** 20) / 2 ** 18;
const tiny = (b: number) => (2 * (b % 64) + 1) * (b & 1 ? 1 : -1) * 2 ** -27;

function conv(input: TensorData, weight: TensorData): OperatorCall {
  return { op: 'conv2d', inputs: { input, weight, bias: null }, options: {} };
}

export function fingerprintCalls(): OperatorCall[] {
  const calls: OperatorCall[] = [];
  for (const [c, k] of [[16, 2], [64, 2], [64, 4], [256, 4]] as const) calls.push(conv(tensorOf([1, c, k, k], c * 7 + k, positive), tensorOf([1, c, k, k], c * 13 + k, positive)));
  for (const c of [1, 8, 64]) calls.push(conv(tensorOf([1, c, 5, 5], c + 101, mixed), tensorOf([2, c, 3, 3], c + 202, mixed)));
  calls.push(conv(tensorOf([1, 4, 4, 4], 303, tiny), tensorOf([2, 4, 3, 3], 404, mixed)));
  return calls;
}

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

/** The fingerprint of the adapter's conv2d, or null when it has none or a case cannot be run. */
export async function measureFingerprint(adapter: Adapter): Promise<PrecisionFingerprint | null> {
  if (adapter.conv2d === undefined) return null;
  const declared = declarationFor(adapter, 'conv2d');
  const record = operatorRecord('conv2d');
  const worst = new Array<number>(FINGERPRINT_CANDIDATES.length).fill(0);
  for (const call of fingerprintCalls()) {
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
  return { operator: 'conv2d', declared: { storage: declared.storage, accumulate: declared.accumulate }, behavesLike: behavesLike(ratios), ratios };
}
