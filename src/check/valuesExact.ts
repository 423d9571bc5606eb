/**
 * Exact mode's fill (spec/numerics.md `num.values.exact.fill`), after oneDNN benchdnn's: every tensor of a drawn
 * case becomes small integers in [−M, M], zero with a probability that keeps the expected Σ|x·w| of a reduction
 * within 2^p of the coarsest format the property's operators declare, so that a direct sum is exact in any order
 * (`num.exact-integers`) and the judge's tolerance is 0 wherever Σ|x·w| ≤ 2^p.
 *
 * Each value is replaced by a function of the value alone — not of its position — so the structure a case was
 * drawn with survives: equal values stay equal (constant rows, symmetric kernels), signs stay (a positive
 * tensor stays non-negative), NaN and ±∞ stay where they were placed, 0 stays 0. Ties are not avoided:
 * properties whose cases must be tie-free keep their own values (Property.ownValues).
 */
import type { Adapter, OperatorName, TensorData } from '../adapter/contract.js';
import { declarationFor, precisionRoundoff } from './declaredNumerics.js';

/** M: products are at most M² = 9, the [−3, 3] of conv2d.exact-integers. */
export const EXACT_MAGNITUDE = 3;

export interface ExactFill {
  /** 2^p, p the significand bits of the coarsest storage or accumulation format declared for the operators. */
  readonly limit: number;
  /** M, the largest |value| drawn. */
  readonly magnitude: number;
}

/**
 * Every value non-zero (q = 1): the default run's exact share, which draws without an adapter; an element whose
 * Σ|x·w| exceeds the declared format's 2^p keeps its ordinary bound (`num.exact-integers`).
 */
export const DENSE_FILL: ExactFill = { limit: Number.POSITIVE_INFINITY, magnitude: EXACT_MAGNITUDE };

/** The fill for a property's operators under the adapter's declarations (`num.declaration`). */
export function exactFillFor(adapter: Pick<Adapter, 'dtype' | 'numerics'>, ops: readonly OperatorName[]): ExactFill {
  let u = precisionRoundoff(adapter.dtype);
  for (const op of ops) {
    const d = declarationFor(adapter, op);
    u = Math.max(u, precisionRoundoff(d.storage), precisionRoundoff(d.accumulate));
  }
  return { limit: 1 / u, magnitude: EXACT_MAGNITUDE };
}

function isTensorData(v: unknown): v is TensorData {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as { shape?: unknown; data?: unknown };
  return Array.isArray(t.shape) && t.shape.every((d) => typeof d === 'number') && (Array.isArray(t.data) || ArrayBuffer.isView(t.data));
}

/** Every tensor of a case, depth first (cases are plain data: records, arrays, operator calls). */
function tensorsOf(value: unknown, out: TensorData[] = []): TensorData[] {
  if (isTensorData(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) tensorsOf(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) tensorsOf(v, out);
  return out;
}

/**
 * An upper estimate of the products one output element sums: the largest tensor's elements per leading index
 * (C·H·W of an input, C_g·k_h·k_w of a conv2d weight), or all of a tensor of rank ≤ 2. A conv2d weight gives the
 * reduction length K exactly, so the estimate is at least K for the sum-of-products operators.
 */
export function reductionEstimate(value: unknown): number {
  let k = 1;
  for (const t of tensorsOf(value)) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    const lead = t.shape.length >= 3 ? Math.max(1, t.shape[0]!) : 1;
    k = Math.max(k, size / lead);
  }
  return k;
}

/**
 * The probability q that a value is non-zero. A product is non-zero with probability q², so the expected Σ|x·w|
 * over K products is at most q²·K·M²; q² = min(1, 2^p / (K·M²)) keeps it within 2^p (benchdnn's density).
 */
export function nonZeroShare(fill: ExactFill, reduction: number): number {
  return Math.sqrt(Math.min(1, fill.limit / (reduction * fill.magnitude * fill.magnitude)));
}

const bits = new DataView(new ArrayBuffer(8));

/** A 32-bit hash of a float64's bits (murmur3's finaliser over both words): deterministic, so a replay redraws it. */
function valueHash(v: number): number {
  bits.setFloat64(0, v);
  let h = (bits.getUint32(0) ^ Math.imul(bits.getUint32(4), 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One value under the fill: NaN, ±∞ and 0 unchanged; else 0 or sign(v)·(1 … M), chosen by the value's hash. */
export function exactValue(v: number, fill: ExactFill, share: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const h = valueHash(v);
  if ((h >>> 8) / 2 ** 24 >= share) return 0;
  return Math.sign(v) * (1 + (h % fill.magnitude));
}

function mapTensors(value: unknown, f: (t: TensorData) => TensorData): unknown {
  if (isTensorData(value)) return f(value);
  if (Array.isArray(value)) return value.map((v) => mapTensors(v, f));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTensors(v, f)]));
  return value;
}

/** The case with every tensor's values under the fill, one density for the whole case (`num.values.exact.fill`). */
export function exactCase<T>(value: T, fill: ExactFill): T {
  const share = nonZeroShare(fill, reductionEstimate(value));
  return mapTensors(value, (t) => {
    const data = Array.from(t.data, (v) => exactValue(v, fill, share));
    return { shape: [...t.shape], data: t.data instanceof Float32Array ? Float32Array.from(data) : t.data instanceof Float64Array ? Float64Array.from(data) : data };
  }) as T;
}
