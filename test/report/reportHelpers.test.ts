/** Meta tests for the report helpers: numbers, grids, grouping, progress bar, literals, escaping. */
import { describe, expect, it } from 'vitest';
import { FAMILIES, OPERATOR_ORDER } from '../../src/kit/report/checkGroups.js';
import { OPERATORS } from '../../src/operators/index.js';
import { catalogue } from '../../properties/catalogue.js';
import { escapeXml } from '../../src/kit/report/escapeXml.js';
import { formatGrid } from '../../src/kit/report/formatGrid.js';
import { formatNumber } from '../../src/kit/report/formatNumber.js';
import { jsLiteral } from '../../src/kit/report/jsLiteral.js';
import { progressBar, terminalProgress } from '../../src/kit/report/progressBar.js';
import { replayCommand } from '../../src/kit/report/replayCommand.js';

describe('formatNumber', () => {
  it('keeps at most 6 significant digits, the sign of zero and non-finite values', () => {
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(123456789)).toBe('1.23457e8');
    expect(formatNumber(0.000003814697265625)).toBe('3.8147e-6');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(-0)).toBe('-0');
    expect([NaN, Infinity, -Infinity].map((v) => formatNumber(v))).toEqual(['NaN', 'Inf', '-Inf']);
  });
});

describe('formatGrid', () => {
  it('prints NCHW plane by plane with [n, c] labels, numbers right-aligned in one width', () => {
    const t = { shape: [1, 2, 2, 2], data: [1, -2.5, 30, 4, 0.5, NaN, -0, 1e-9] };
    expect(formatGrid(t)).toBe(['[0, 0]', '     1  -2.5', '    30     4', '[0, 1]', '   0.5   NaN', '    -0  1e-9'].join('\n'));
  });

  it('prints a matrix without labels and a vector as one row', () => {
    expect(formatGrid({ shape: [2, 2], data: [1, 2, 3, 40] })).toBe(' 1   2\n 3  40');
    expect(formatGrid({ shape: [3], data: [1, 2, 3] })).toBe('1  2  3');
  });

  it('summarises a tensor too large to read as a grid', () => {
    const data = Array.from({ length: 2 * 3 * 9 * 9 }, (_, i) => (i % 7) - 3);
    data[5] = NaN;
    expect(formatGrid({ shape: [2, 3, 9, 9], data })).toBe('[2, 3, 9, 9]: 486 values in [-3, 3], mean -0.0164948, 1 NaN');
  });

  it('reads tensors from JSON reports, where non-finite values are strings', () => {
    expect(formatGrid({ shape: [1, 3], data: ['NaN', 'Infinity', '-0'] })).toBe('NaN  Inf   -0');
  });
});

describe('checkGroups', () => {
  it('every property and fixture declares its operator and family as fields; operators are registered records or a named group', () => {
    const ids = new Set(OPERATORS.map((r) => r.id));
    for (const p of catalogue) {
      expect(FAMILIES).toContain(p.family);
      expect(ids.has(p.operator) || p.operator === 'pooling', `${p.id}: operator ${p.operator}`).toBe(true);
    }
    expect(catalogue.find((p) => p.id === 'conv-transpose2d.adjoint-of-conv2d')?.operator).toBe('conv-transpose2d');
    expect(catalogue.find((p) => p.id === 'max-pool2d.backward-ties')?.family).toBe('gradient');
    expect(OPERATOR_ORDER.slice(0, OPERATORS.length)).toEqual(OPERATORS.map((r) => r.id));
  });
});

describe('progressBar', () => {
  it('draws a bar and a count', () => {
    expect(progressBar(0, 4, 8)).toBe('[░░░░░░░░] 0/4');
    expect(progressBar(3, 12, 8)).toBe('[██░░░░░░]  3/12');
    expect(progressBar(4, 4, 8)).toBe('[████████] 4/4');
  });

  it('draws on a terminal only, and clears its line at the end', () => {
    const written: string[] = [];
    expect(terminalProgress({ isTTY: false, write: (s) => written.push(s) })).toBeUndefined();
    const draw = terminalProgress({ isTTY: true, columns: 60, write: (s) => written.push(s) })!;
    draw(1, 2, 'conv2d.definition');
    draw(2, 2, 'conv2d.fft-oracle');
    expect(written[0]).toContain('1/2  conv2d.definition');
    expect(written[1]).toBe('\r\x1b[2K');
  });
});

describe('jsLiteral', () => {
  it('writes values that evaluate back exactly', () => {
    const value = { shape: [2, 2], data: new Float64Array([0.1 + 0.2, -0, NaN, -Infinity]), 'odd-key': 'a"b' };
    const text = jsLiteral(value);
    expect(text).toBe('{ shape: [2, 2], data: [0.30000000000000004, -0, NaN, -Infinity], "odd-key": "a\\"b" }');
    const back = new Function(`return ${text};`)() as { data: number[] };
    expect(Object.is(back.data[1], -0)).toBe(true);
    expect(back.data[0]).toBe(0.1 + 0.2);
  });
});

describe('escapeXml and replayCommand', () => {
  it('escapes the special characters, drops what XML cannot carry, keeps other Unicode', () => {
    expect(escapeXml('<a & "b"> \'c\' ⌊§±\u0007')).toBe('&lt;a &amp; &quot;b&quot;&gt; &apos;c&apos; ⌊§±\uFFFD');
  });

  it('prints the replay command with the run seed and the path, quoting only what needs it', () => {
    expect(replayCommand({ id: 'conv2d.definition', replay: { runSeed: 5, path: '0:1:2' } }, 'my adapter.ts')).toBe("convkit replay conv2d.definition --adapter 'my adapter.ts' --seed 5 --path 0:1:2");
    expect(replayCommand({ id: 'golden/notes-001-x' }, 'reference')).toBe('convkit replay golden/notes-001-x --adapter reference');
    expect(replayCommand({ id: 'x.y' }, "it's.ts")).toBe(`convkit replay x.y --adapter 'it'\\''s.ts'`);
  });
});
