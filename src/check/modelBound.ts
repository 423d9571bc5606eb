/**
 * The bound of every output element of a call under a declaration (spec/numerics.md, `num.declaration`), one
 * function for every judge — the properties' referenceWithBound and the golden fixtures — however it obtains the
 * reference's Σ|x·w|. Direct summation: `num.bound.storage`. Winograd and FFT, on the calls they compute: the larger
 * of the direct bound and the transform's (`num.bound.winograd`, `num.bound.fft`), with the blocks that hold a
 * non-finite input marked (`num.nan-locality`).
 */
import type { TensorData } from '../adapter/contract.js';
import type { OperatorCall } from '../adapter/operatorCall.js';
import { operatorRecord } from '../operators/index.js';
import { isTransformCall } from './convPlanes.js';
import { directIn, precisionRoundoff, storageShift, smallestNormal, type Declaration } from './declaredNumerics.js';
import { fftEstimate, fftRelative } from './fftBound.js';
import { copyBound, gamma, storageFactors, sumBound } from './tolerance.js';
import { winogradApplies, winogradEstimate } from './winogradBound.js';

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

export interface ModelBound {
  /** The bound of output element i (where the reference is finite). */
  readonly bound: (index: number) => number;
  /**
   * Only for a transform algorithm: whether element i's transform block holds a non-finite input, so that it may
   * be non-finite where the reference is finite (`num.nan-locality`).
   */
  readonly blockNonFinite?: (index: number) => boolean;
}

/**
 * `num.exact-integers`: a direct sum of integer products whose Σ|x·w| (+ |b|) is at most 2^p, p the significand bits
 * of the coarser of storage and accumulation, is exact in any order — every partial sum is an integer of magnitude
 * ≤ 2^p. The limit of Σ|x·w| below which an element must then equal the reference, or −1 where the rule does not apply.
 */
function exactIntegerLimit(call: OperatorCall, d: Declaration): number {
  // Only where every output is a plain sum of products (+ bias), as the operator's record says.
  if (d.algorithm !== 'direct' || operatorRecord(call.op).exactIntegers === undefined) return -1;
  for (const t of Object.values(call.inputs)) if (t !== null && !Array.prototype.every.call(t.data, (v: number) => Number.isInteger(v))) return -1;
  return 1 / Math.max(precisionRoundoff(d.storage), precisionRoundoff(d.accumulate));
}

/** The transform part of a Winograd or FFT bound, or null where the declared algorithm does not compute the call. */
function transformBound(call: OperatorCall, d: Declaration, terms: number, absSums: ArrayLike<number>): { bound: (i: number) => number; dirty: Uint8Array } | null {
  if (d.algorithm === 'direct' || !isTransformCall(call)) return null;
  if (d.algorithm === 'winograd' && !winogradApplies(call)) return null;
  const shift = storageShift(d);
  // The float64 reference's own error (`num.tolerance`'s second γ), from the direct Σ|x·w|.
  const referenceError = (i: number) => gamma(Math.max(terms, 1), 'float64') * (Number.isFinite(absSums[i]!) ? absSums[i]! : 0);
  if (d.algorithm === 'winograd') {
    const e = winogradEstimate(call, d.winogradTile, shift);
    return { bound: (i) => sumBound(e.roundings, e.absSum[i]!, d) + referenceError(i), dirty: e.blockNonFinite };
  }
  const e = fftEstimate(call, shift);
  const hasBias = call.op === 'conv2d' && (call.inputs['bias'] ?? null) !== null;
  const channels = Math.max(1, terms - (hasBias ? 1 : 0)); // C·k_h·k_w: an upper bound of the C of γ_C
  const { rho, uOut } = storageFactors(d);
  const rel = (1 + rho) * (1 + fftRelative(e.stages, channels, d.accumulate, hasBias)) * (1 + uOut) - 1;
  return { bound: (i) => rel * e.absSum[i]! + uOut * smallestNormal(d.storage) + referenceError(i), dirty: e.blockNonFinite };
}

/**
 * The model bound of every output element. `expected` is the reference result; `absSums` the reference on
 * absSumCall(call, declaration) (unused where nothing is summed, `terms` = 0).
 */
export function modelBound(call: OperatorCall, declaration: Declaration, expected: ArrayLike<number>, absSums: ArrayLike<number>): ModelBound {
  const terms = operatorRecord(call.op).terms(call);
  const limit = exactIntegerLimit(call, declaration);
  const direct = (i: number) => (absSums[i]! <= limit ? 0 : elementBound(terms, absSums[i]!, declaration, expected[i]!));
  const transform = terms === 0 ? null : transformBound(call, declaration, terms, absSums);
  if (transform === null) return { bound: direct };
  return { bound: (i) => Math.max(direct(i), transform.bound(i)), blockNonFinite: (i) => transform.dirty[i] === 1 };
}
