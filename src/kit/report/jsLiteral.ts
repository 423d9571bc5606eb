/**
 * A value as TypeScript source that evaluates back to it exactly: numbers at full precision (shortest
 * round-trip form), −0, NaN and ±Infinity kept; typed arrays as plain arrays; `{ shape, data }` on one line.
 */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function jsLiteral(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return jsLiteral(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${jsLiteral(v)}`).join(', ')} }`;
  }
  return JSON.stringify(String(value));
}
