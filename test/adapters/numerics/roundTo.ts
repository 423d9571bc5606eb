/**
 * Rounding a float64 to each Precision, round to nearest, ties to even, with gradual underflow and overflow to ±∞:
 * the arithmetic the test adapters of issue 11 compute in. Written out here (Node 20 has no Math.f16round) from
 * the formats' parameters: significand bits p (implicit bit included), smallest normal exponent, largest finite.
 */
import type { Precision } from '../../../src/adapter/contract.js';

interface Format {
  readonly p: number;
  readonly emin: number;
  readonly emax: number;
}

const FORMATS: Readonly<Record<Precision, Format>> = {
  float64: { p: 53, emin: -1022, emax: 1023 },
  float32: { p: 24, emin: -126, emax: 127 },
  tf32: { p: 11, emin: -126, emax: 127 },
  float16: { p: 11, emin: -14, emax: 15 },
  bfloat16: { p: 8, emin: -126, emax: 127 },
};

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** A float32 value rounded to the `keep` leading stored bits of its 23, on its bit pattern (fast; no double rounding). */
function roundFloat32Bits(x: number, keep: number): number {
  f32[0] = x;
  const drop = 23 - keep;
  const half = (1 << (drop - 1)) - 1 + ((u32[0]! >>> drop) & 1); // ties to even
  u32[0] = ((u32[0]! + half) >>> drop) << drop;
  return f32[0]!;
}

export function roundTo(precision: Precision, x: number): number {
  if (precision === 'float64' || !Number.isFinite(x) || x === 0) return x;
  if (precision === 'float32') return Math.fround(x);
  // A float32-exact value (every stored input) takes the bit path: TF32 keeps 10 stored bits, bfloat16 7.
  if ((precision === 'tf32' || precision === 'bfloat16') && Math.fround(x) === x) return roundFloat32Bits(x, precision === 'tf32' ? 10 : 7);
  const { p, emin, emax } = FORMATS[precision];
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  const ulp = 2 ** (Math.max(e, emin) - p + 1);
  const r = roundHalfEven(a / ulp) * ulp;
  const max = (2 - 2 ** (1 - p)) * 2 ** emax;
  return Math.sign(x) * (r > max ? Infinity : r);
}

/** Truncation (round toward zero) to p bits: what a converter that drops bits does. */
export function truncateTo(precision: Precision, x: number): number {
  if (precision === 'float64' || !Number.isFinite(x) || x === 0) return x;
  const { p, emin } = FORMATS[precision];
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  const ulp = 2 ** (Math.max(e, emin) - p + 1);
  return Math.sign(x) * Math.floor(a / ulp) * ulp;
}
