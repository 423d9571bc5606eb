/**
 * The numerics an adapter declares for one operator (contract.ts, `OperatorNumerics`), with the defaults filled
 * in (spec/numerics.md, `num.declaration`), and the constants of each precision (`num.precision`).
 */
import type { Adapter, OperatorName, OperatorNumerics, Precision } from '../adapter/contract.js';

export interface Declaration {
  readonly algorithm: NonNullable<OperatorNumerics['algorithm']>;
  readonly winogradTile: number;
  readonly storage: Precision;
  readonly accumulate: Precision;
}

/** What an operator without a declaration is: direct summation in the adapter's dtype (`num.tolerance`). */
export function directIn(dtype: Adapter['dtype']): Declaration {
  return { algorithm: 'direct', winogradTile: 2, storage: dtype, accumulate: dtype };
}

/** The declaration the kit judges `op` by; `adapter` may be just its dtype and numerics. */
export function declarationFor(adapter: Pick<Adapter, 'dtype' | 'numerics'>, op: OperatorName): Declaration {
  const d = adapter.numerics?.[op] ?? {};
  const storage = d.storage ?? adapter.dtype;
  return { algorithm: d.algorithm ?? 'direct', winogradTile: d.winogradTile ?? 2, storage, accumulate: d.accumulate ?? storage };
}

/**
 * u = 2^−p for p significand bits (the implicit one included), round to nearest (`num.precision`): float64 53,
 * float32 24, TF32 and float16 11, bfloat16 8.
 */
export function precisionRoundoff(p: Precision): number {
  switch (p) {
    case 'float64': return 2 ** -53;
    case 'float32': return 2 ** -24;
    case 'tf32': return 2 ** -11;
    case 'float16': return 2 ** -11;
    case 'bfloat16': return 2 ** -8;
  }
}

/** The smallest positive normal number λ: below it a rounding loses relative accuracy (`num.bound.storage`). */
export function smallestNormal(p: Precision): number {
  switch (p) {
    case 'float64': return 2 ** -1022;
    case 'float16': return 2 ** -14;
    default: return 2 ** -126; // float32, TF32 and bfloat16 share float32's exponent range
  }
}

/** The largest finite number: a result beyond it is ±∞ in that format, outside every bound (`num.bound.storage`). */
export function largestFinite(p: Precision): number {
  switch (p) {
    case 'float64': return Number.MAX_VALUE;
    case 'float32': return (2 - 2 ** -23) * 2 ** 127;
    case 'tf32': return (2 - 2 ** -10) * 2 ** 127;
    case 'float16': return 65504;
    case 'bfloat16': return (2 - 2 ** -7) * 2 ** 127;
  }
}

/**
 * Whether storing a test input in `storage` can change it. Test inputs are exact in float32
 * (`num.float32-inputs`), so only TF32, float16 and bfloat16 round them.
 */
export function roundsInputs(d: Declaration): boolean {
  return precisionRoundoff(d.storage) > precisionRoundoff('float32');
}

/**
 * The shift added to every |input| before Σ|x·w| is taken, so that one bound covers normal and subnormal
 * roundings: |fl(x) − x| ≤ u·(|x| + λ) (`num.bound.storage`); 0 where inputs are stored exactly.
 */
export function storageShift(d: Declaration): number {
  return roundsInputs(d) ? smallestNormal(d.storage) : 0;
}
