/**
 * The console report: summary by operator and family; each failure with its clauses, counterexample grids,
 * expected | actual | difference, tolerance, replay command and a reproduction that really reproduces.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';
import { formatReproduction } from '../../src/kit/report/formatReproduction.js';
import { failingReport, FLIPPED_ADAPTER_PATH, syntheticReport } from './reportFixtures.js';

const plain = (r: Parameters<typeof formatConsoleReport>[0]) => formatConsoleReport(r, undefined, { adapterSpec: 'my-adapter.ts', color: false });

describe('console report', () => {
  it('shows a value mismatch as grids: expected | actual | difference, with the tolerance', () => {
    const text = plain(syntheticReport);
    expect(text).toContain('FAIL conv2d.definition');
    expect(text).toContain('clauses   §conv.definition §num.tolerance');
    expect(text).toMatch(/input \[1, 1, 2, 2\]\n\s+\[0, 0\]\n\s+1\s+-0\n\s+Inf\s+NaN/);
    expect(text).toMatch(/expected \[1, 1, 2, 2\]\s+│\s+actual \[1, 1, 2, 2\]\s+│\s+actual − expected \[1, 1, 2, 2\]/);
    expect(text).toMatch(/Inf\s+2\s+│\s+Inf\s+NaN\s+│\s+0\s+NaN/); // the last row: expected 2, actual NaN, difference NaN
    expect(text).toContain('tolerance ± 1e-12 per element, first at [0, 0, 1, 1]; mismatches: 1 of 4 elements');
    expect(text).toContain('replay    convkit replay conv2d.definition --adapter my-adapter.ts --seed 7 --path 0:1:2');
    expect(text).toContain('ERROR max-pool2d.definition');
    expect(text).toMatch(/skipped 1:\n {2}avg-pool2d.definition: adapter does not implement avgPool2d/);
  });

  it('summarises by operator and by property family, and closes with the counts', () => {
    const text = plain(syntheticReport);
    expect(text).toMatch(/by operator\s+passed\s+failed\s+error\s+skipped\n {2}conv2d\s+0\s+1\s+0\s+0\n {2}max-pool2d\s+1\s+0\s+1\s+0\n {2}avg-pool2d\s+0\s+0\s+0\s+1/);
    expect(text).toMatch(/by property family[^\n]*\n {2}golden\s+1\s+0\s+0\s+0\n {2}definition\s+0\s+1\s+1\s+1/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 errors, 1 skipped (4 checks)');
  });

  it('colours only when asked', () => {
    expect(formatConsoleReport(syntheticReport, undefined, { color: true })).toContain('\x1b[31m');
    expect(plain(syntheticReport)).not.toContain('\x1b[');
  });

  it("prints a real run's failures with their replay commands", async () => {
    const report = await failingReport();
    const text = formatConsoleReport(report, undefined, { adapterSpec: 'broken.ts', color: false });
    expect(text).toContain('FAIL golden/notes-003-conv2d-padding1-kernel-1to9');
    expect(text).toContain('FAIL conv2d.definition');
    expect(text).toMatch(/replay {4}convkit replay conv2d\.definition --adapter broken\.ts --seed 20261121 --path [\d:]+/);
    expect(text).toMatch(/expected \[[\d, ]+\]\s+│\s+actual/);
  });
});

describe('formatReproduction', () => {
  it('writes TypeScript that calls the adapter with the counterexample, exactly', () => {
    const repro = formatReproduction(syntheticReport.checks[1]!, 'my-adapter.ts')!;
    expect(repro).toContain('import adapter from "./my-adapter.ts";');
    expect(repro).toContain('const input = { shape: [1, 1, 2, 2], data: [1, -0, Infinity, NaN] };');
    expect(repro).toContain('const result = await adapter.conv2d!(input, weight, null, { stride: 1 });');
  });

  it('reproduces a golden failure when pasted into a file and run', async () => {
    const report = await failingReport();
    const check = report.checks.find((c) => c.id === 'golden/notes-003-conv2d-stride2-kernel-1to9' && c.status === 'failed');
    expect(check).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'convkit-repro-'));
    try {
      const file = join(dir, 'repro.mts');
      writeFileSync(file, formatReproduction(check!, FLIPPED_ADAPTER_PATH)!);
      const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: process.cwd() });
      // The flipped kernel's answer (179, not 211): the bug is reproduced outside convkit.
      expect(out).toContain('[ 1, 1, 2, 2 ] [ 179');
      expect(check!.message).toContain('=179, but should be 211');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
