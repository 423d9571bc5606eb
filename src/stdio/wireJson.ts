/**
 * The JSON text of the stdio protocol, lossless for float64 (`kit.protocol.numbers`, `kit.protocol.tensors`):
 * a finite number is written with the shortest digits that read back to the same double (JavaScript's
 * String(number); Python's repr), −0 as `-0.0` (JSON.stringify would write `0`, and Python reads `-0` as the
 * integer 0), and NaN, Infinity and −Infinity — which JSON cannot write — as the strings "NaN", "Infinity"
 * and "-Infinity". Typed arrays are written as arrays. Reading turns those three strings back into numbers
 * and every `{shape, data}` object into a tensor with a Float64Array (Float32Array when its dtype says so).
 */

import { MAX_TENSOR_ELEMENTS } from '../tensor/tensorData.js';

const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

function writeNumber(v: number): string {
  if (Number.isNaN(v)) return '"NaN"';
  if (!Number.isFinite(v)) return v > 0 ? '"Infinity"' : '"-Infinity"';
  return Object.is(v, -0) ? '-0.0' : String(v);
}

/** One line of protocol JSON (no newline inside: strings are escaped by JSON.stringify). */
export function writeWireJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return writeNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return `[${Array.from(value as unknown as ArrayLike<number>, writeNumber).join(',')}]`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'function' || typeof v === 'symbol' ? 'null' : writeWireJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${writeWireJson(v)}`).join(',')}}`;
  }
  return 'null';
}

function isTensorLike(v: Record<string, unknown>): boolean {
  return Array.isArray(v['shape']) && Array.isArray(v['data']) && (v['data'] as unknown[]).every((x) => typeof x === 'number');
}

/** The value a parsed protocol JSON value stands for: non-finite strings become numbers, tensors get typed data. */
export function readWireValue(value: unknown): unknown {
  if (typeof value === 'string') return Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value;
  if (Array.isArray(value)) return value.map(readWireValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = readWireValue(v);
  // A tensor past the element limit stays a plain array: the result check reports it (kit.protocol.limits).
  if (isTensorLike(out) && (out['data'] as unknown[]).length <= MAX_TENSOR_ELEMENTS) {
    const data = out['data'] as number[];
    out['data'] = out['dtype'] === 'float32' ? Float32Array.from(data) : Float64Array.from(data);
  }
  return out;
}

/** Parses one protocol line; throws SyntaxError when it is not JSON. */
export function readWireJson(line: string): unknown {
  return readWireValue(JSON.parse(line));
}
