/**
 * Baseline entries may share a root cause (`sameRootCauseAs`): the quiet gate prints such an entry under the one
 * it names, saying "same root cause as …" — ONNX Runtime's max-pool2d.commutes-with-increasing-maps, whose
 * "should be −6.8e38" is 2·(−3.4e38) + 1, the lowest-float bug of max-pool2d.definition seen through the law.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/checkResult.js';
import { applyBaseline, expectedFailureNotes, readBaseline, type Baseline } from '../../src/kit/ci/baseline.js';
import { formatConsoleReport } from '../../src/kit/report/consoleReport.js';

const root = join(import.meta.dirname, '..', '..');
const failed = (id: string): CheckResult => ({ id, kind: 'property', operator: 'max-pool2d', family: 'definition', status: 'failed', clauses: ['pool.max.definition'], message: `${id} broke §pool.max.definition` });

describe('same root cause', () => {
  it("ONNX Runtime's baselines say which entry shares max-pool2d.definition's cause", () => {
    for (const file of ['onnxruntime.json', 'onnxruntime-float64.json']) {
      const b = readBaseline(join(root, 'baselines', file));
      expect(b.entries.find((e) => e.id === 'max-pool2d.commutes-with-increasing-maps')?.sameRootCauseAs, file).toBe('max-pool2d.definition');
    }
  });

  it('an expected failure with the same root cause prints under its root, on one line', () => {
    const baseline: Baseline = {
      adapter: 'ort',
      seed: 1,
      entries: [
        { id: 'max-pool2d.definition', status: 'failed', reason: 'the running maximum starts at the lowest float' },
        { id: 'max-pool2d.commutes-with-increasing-maps', status: 'failed', reason: 'seen through the law', sameRootCauseAs: 'max-pool2d.definition' },
      ],
    };
    const report = { adapter: 'ort', dtype: 'float32' as const, seed: 1, runs: 10, checks: [failed('max-pool2d.commutes-with-increasing-maps'), failed('max-pool2d.definition')] };
    const ids = new Set(report.checks.map((c) => c.id));
    const text = formatConsoleReport(report, undefined, { color: false, expected: expectedFailureNotes(applyBaseline(report, baseline, ids), baseline) });
    expect(text).toContain([
      '  max-pool2d.definition: the running maximum starts at the lowest float — failed, as expected',
      '    max-pool2d.commutes-with-increasing-maps: same root cause as max-pool2d.definition — failed, as expected',
    ].join('\n'));
    expect(text).not.toContain('FAIL max-pool2d');
  });

  it('sameRootCauseAs must name another entry of the baseline', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'convkit-root-cause-')), 'b.json');
    writeFileSync(file, JSON.stringify({ adapter: 'x', seed: 1, entries: [{ id: 'a', status: 'failed', reason: 'r', sameRootCauseAs: 'b' }] }));
    expect(() => readBaseline(file)).toThrow(`entry a has sameRootCauseAs="b", which must be the id of another entry of this baseline`);
  });
});
