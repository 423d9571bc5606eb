/**
 * The text calls and answers cross the page boundary in (`kit.protocol.page`): JSON, with what JSON loses
 * written as tagged objects so a value arrives exactly — a typed array as `{$typed: 'Float32Array', base64}` of
 * its bytes (the same bits, NaN payloads and −0 included), and a number JSON cannot write (NaN, ±∞, −0) as
 * `{$number: 'NaN' | 'Infinity' | '-Infinity' | '-0'}`. Used on both sides: by the runner (Node) and by the
 * page's harness (bundled into the page), so it imports nothing and uses only atob/btoa, which both have.
 */

const TYPED = { Float32Array, Float64Array, Int32Array, Uint8Array, Uint32Array, Int8Array, Int16Array, Uint16Array, Uint8ClampedArray } as const;
type TypedName = keyof typeof TYPED;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode takes its bytes as arguments, and argument lists are bounded.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return Object.is(v, -0) ? '-0' : null;
}

function encode(value: unknown): unknown {
  if (typeof value === 'number') {
    const s = special(value);
    return s === null ? value : { $number: s };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (name in TYPED) return { $typed: name, base64: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    return Array.from(value as unknown as ArrayLike<number>, encode);
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'function' || typeof v === 'symbol' || v === undefined ? null : encode(v)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') out[k] = encode(v);
    return out;
  }
  return value;
}

/** One value as page-wire text. */
export function writePageWire(value: unknown): string {
  return JSON.stringify(encode(value));
}

const NUMBERS: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== 'object' || value === null) return value;
  const v = value as Record<string, unknown>;
  if (typeof v['$number'] === 'string' && Object.hasOwn(NUMBERS, v['$number'])) return NUMBERS[v['$number']];
  if (typeof v['$typed'] === 'string' && typeof v['base64'] === 'string' && Object.hasOwn(TYPED, v['$typed'])) {
    const Ctor = TYPED[v['$typed'] as TypedName];
    const bytes = fromBase64(v['base64']);
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = decode(x);
  return out;
}

/** The value page-wire text stands for; throws SyntaxError when it is not JSON. */
export function readPageWire(text: string): unknown {
  return decode(JSON.parse(text));
}
