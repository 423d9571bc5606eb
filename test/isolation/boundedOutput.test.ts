/**
 * Adapter-supplied text and data are bounded (`kit.protocol.limits`, issue 14): a 10 MB error message, a 10 MB
 * stdout line, 20 MB of stderr without a newline, a result past 64 Mi elements — the run completes with a
 * short message that keeps the head, the tail and the length.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { boundText, BoundedLine, MAX_TEXT } from '../../src/errors/boundedText.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { MAX_LINE, OutputTail } from '../../src/isolation/outputTail.js';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';
import { runConformance } from '../../src/kit/runConformance.js';
import { checkAdapterResult, MAX_TENSOR_ELEMENTS } from '../../src/tensor/tensorData.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

describe('bounded text', () => {
  it('boundText keeps head and tail with the full length; BoundedLine does the same while a line grows', () => {
    expect(boundText('short')).toBe('short');
    const long = `HEAD${'-'.repeat(100_000)}TAIL`;
    const bounded = boundText(long);
    expect(bounded.length).toBeLessThan(MAX_TEXT + 60);
    expect(bounded).toMatch(/^HEAD-+ … \[100008 characters in all\] … -+TAIL$/);
    const line = new BoundedLine(100);
    for (let i = 0; i < 10_000; i++) line.append(i === 0 ? 'HEAD' : i === 9999 ? 'TAIL' : 'abcdefghij');
    expect(line.size).toBe(4 + 9998 * 10 + 4);
    expect(line.text()).toMatch(/^HEAD(abcdefghij){7}a … \[99988 characters in all\] … j(abcdefghij){2}TAIL$/);
    const small = new BoundedLine(100);
    small.append('ab');
    small.append('cd');
    expect(small.text()).toBe('abcd');
  });

  it('OutputTail keeps at most 8 lines of bounded length, however the text arrives', () => {
    const tail = new OutputTail();
    for (let i = 0; i < 50; i++) tail.write('q'.repeat(1_000_000)); // 50 MB, no newline
    tail.write(' end\nline 2\n');
    const lines = tail.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThan(MAX_LINE + 60);
    expect(lines[0]).toMatch(/\[50000004 characters in all\] … q+ end$/);
    expect(lines[1]).toBe('line 2');
  });

  it('a result past 64 Mi elements is the adapter\'s error before it is copied', () => {
    class Huge extends Float64Array { override get length() { return MAX_TENSOR_ELEMENTS + 1; } }
    const result = { shape: [MAX_TENSOR_ELEMENTS + 1], data: new Huge(1) };
    expect(() => checkAdapterResult(result, 'conv2d', null)).toThrow(/conv2d: result\.data="67108865 elements" must have at most 67108864 elements/);
  });
});

describe('isolated adapters with huge output', () => {
  it('a 10 MB error message ends its checks as error with a short message; the console report is written', async () => {
    const adapter = await isolateAdapter(fixture('hugeMessageAdapter.js'), { timeoutMs: 2000 });
    opened.push(adapter);
    const report = await runConformance(adapter, { only: /^(conv2d\.definition|avg-pool2d\.definition)$/, runs: 3, fixtures: [] });
    expect(report.checks.map((c) => c.status)).toEqual(['error', 'error']);
    const [conv, pool] = report.checks;
    expect(conv!.message!.length).toBeLessThan(MAX_TEXT + 200);
    expect(conv!.message).toMatch(/start of the message x+ … \[10000040 characters in all\] … x+ end of the message/);
    expect(pool!.message).toBe('the adapter threw on a valid case: Error: "a plain string" (a thrown string, not an Error)');
    expect(formatConsoleReport(report).length).toBeLessThan(100_000);
  });

  it('a 10 MB stdout line and 20 MB of stderr without a newline, then a crash: the message is bounded', async () => {
    const adapter = await isolateAdapter(`cmd:${process.execPath} ${fixture('hugeLineAdapter.mjs')}`, { timeoutMs: 5000 });
    opened.push(adapter);
    const report = await runConformance(adapter, { only: /^conv2d\.definition$/, runs: 1, fixtures: [] });
    const [check] = report.checks;
    expect(check!.status).toBe("error");
    expect(check!.message!.length).toBeLessThan(3 * MAX_LINE);
    expect(check!.message).toMatch(/exited with code 1; its last stderr lines:\n +stderr-head z+ … \[20000024 characters in all\] … z+ stderr-tail/);
    expect(check!.message).toMatch(/its last non-protocol stdout lines:\n +stdout-head y+ … \[10000024 characters in all\] … y+ stdout-tail/);
  });
});
