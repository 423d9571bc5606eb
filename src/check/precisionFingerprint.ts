/**
 * The precision fingerprint (spec/numerics.md, `num.fingerprint`): when an operator fails its declared numerics, the
 * precisions it behaves like, measured as the largest error/bound ratio on cases of growing n under each candidate
 * (storage, accumulation) pair. Data only; reporters word it with describeFingerprint.
 */
import type { OperatorName, Precision } from '../adapter/contract.js';

export interface PrecisionPair {
  readonly storage: Precision;
  readonly accumulate: Precision;
}

export interface HypothesisRatio extends PrecisionPair {
  /** The largest |y_adapter − y_reference| / bound over the fingerprint's cases (≤ 1: consistent). */
  readonly ratio: number;
}

export interface PrecisionFingerprint {
  readonly operator: OperatorName;
  readonly declared: PrecisionPair;
  /** The tightest candidate every fingerprint case stays within, or null when none does. */
  readonly behavesLike: PrecisionPair | null;
  readonly ratios: readonly HypothesisRatio[];
}

/**
 * The candidates, tightest first: among equal unit roundoffs the wider exponent range first (TF32 before float16
 * storage), so the first consistent one is what the operator at least does.
 */
export const FINGERPRINT_CANDIDATES: readonly PrecisionPair[] = [
  { storage: 'float64', accumulate: 'float64' },
  { storage: 'float32', accumulate: 'float32' },
  { storage: 'tf32', accumulate: 'float32' },
  { storage: 'float16', accumulate: 'float32' },
  { storage: 'bfloat16', accumulate: 'float32' },
  { storage: 'float16', accumulate: 'float16' },
  { storage: 'bfloat16', accumulate: 'bfloat16' },
];

/** The first candidate whose ratio is ≤ 1. */
export function behavesLike(ratios: readonly HypothesisRatio[]): PrecisionPair | null {
  const hit = ratios.find((r) => r.ratio <= 1);
  return hit === undefined ? null : { storage: hit.storage, accumulate: hit.accumulate };
}

const NAMES: Readonly<Record<string, string>> = {
  'float64/float64': 'float64',
  'float32/float32': 'float32',
  'tf32/float32': 'TF32 (inputs rounded to 10 bits)',
  'float16/float32': 'float16 storage with float32 accumulation',
  'bfloat16/float32': 'bfloat16 storage (inputs rounded to 7 bits) with float32 accumulation',
  'float16/float16': 'float16 accumulation',
  'bfloat16/bfloat16': 'bfloat16 accumulation',
};

export function describePair(p: PrecisionPair): string {
  return NAMES[`${p.storage}/${p.accumulate}`] ?? (p.storage === p.accumulate ? p.storage : `${p.storage} storage with ${p.accumulate} accumulation`);
}

/** "declares float32; behaves like TF32 (inputs rounded to 10 bits)". */
export function describeFingerprint(f: PrecisionFingerprint): string {
  const like = f.behavesLike === null
    ? `behaves like none of the modelled precisions (error/bound ${f.ratios.at(-1)?.ratio.toPrecision(3)} even for ${describePair(f.ratios.at(-1)!)})`
    : `behaves like ${describePair(f.behavesLike)}`;
  return `${f.operator} declares ${describePair(f.declared)}; ${like}`;
}

/** "float32 12.5, TF32 (inputs rounded to 10 bits) 0.41, …": every candidate's largest error/bound. */
export function fingerprintRatios(f: PrecisionFingerprint): string {
  return f.ratios.map((r) => `${describePair(r)} ${Number.isFinite(r.ratio) ? r.ratio.toPrecision(3) : '∞'}`).join(', ');
}
