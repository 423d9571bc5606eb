/**
 * JSON.stringify's indented layout, except that the values `oneLine` picks are written on one line: the
 * coverage cells of a report (`kit.coverage`) are thousands of small records, and one line each keeps the
 * file readable and a few times smaller. The text parses to the same value as JSON.stringify's.
 */
export function prettyJson(value: unknown, oneLine: (path: readonly (string | number)[]) => boolean, indent = '  '): string {
  const write = (v: unknown, path: (string | number)[], depth: string): string => {
    if (v === null || typeof v !== 'object' || oneLine(path)) return JSON.stringify(v);
    const inner = depth + indent;
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((x, i) => inner + write(x === undefined ? null : x, [...path, i], inner)).join(',\n')}\n${depth}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, [...path, k], inner)}`).join(',\n')}\n${depth}}`;
  };
  return write(value, [], '');
}
