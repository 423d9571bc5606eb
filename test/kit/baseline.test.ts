/**
 * The baseline gate's matching rule (src/kit/ci/baseline.ts): a failure is expected only when the check, its
 * status and the clause it breaks match the entry — so a known deviation hides neither a crash of the same check
 * nor a newly broken rule; stale and unknown entries are reported.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/checkResult.js';
import { applyBaseline, readBaseline, type Baseline } from '../../src/kit/ci/baseline.js';

const report = (checks: CheckResult[]) => ({ adapter: 'lib', dtype: 'float32' as const, seed: 1, runs: 10, checks });
const baseline: Baseline = {
  adapter: 'lib',
  seed: 1,
  entries: [
    { id: 'max-pool2d.definition', status: 'failed', reason: 'ceil mode keeps a window in the padding', clause: 'shape.pool', message: 'maxPool2d.shape=[1], but should be [2] [maxPool2d(…)] §shape.pool' },
    { id: 'conv2d.definition', status: 'failed', reason: 'fixed since', clause: 'conv.definition', message: 'x §conv.definition' },
    { id: 'conv2d.renamed-check', status: 'failed', reason: 'renamed' },
  ],
};
const ids = new Set(['max-pool2d.definition', 'conv2d.definition', 'pad2d.definition']);

describe('applyBaseline', () => {
  it('the same check, status and clause is expected; a passing baselined check is stale; an unknown id is reported', () => {
    const v = applyBaseline(report([
      { id: 'max-pool2d.definition', kind: 'property', operator: 'max-pool2d', family: 'definition', status: 'failed', brokenClause: 'shape.pool', clauses: [], message: 'maxPool2d.shape=[3], but should be [2] [maxPool2d(other)] §shape.pool' },
      { id: 'conv2d.definition', kind: 'property', operator: 'conv2d', family: 'definition', status: 'passed', clauses: [] },
    ]), baseline, ids);
    expect(v.expectedFailures.map((c) => c.id)).toEqual(['max-pool2d.definition']);
    expect(v.newFailures).toEqual([]);
    expect(v.stale.map((e) => e.id)).toEqual(['conv2d.definition']);
    expect(v.unknown.map((e) => e.id)).toEqual(['conv2d.renamed-check']);
  });

  it('a crash of a baselined check, or a different broken clause, is a new failure', () => {
    const crash = applyBaseline(report([{ id: 'max-pool2d.definition', kind: 'property', operator: 'max-pool2d', family: 'definition', status: 'error', clauses: [], message: 'the adapter crashed: …' }]), baseline, ids);
    expect(crash.newFailures.map((c) => c.id)).toEqual(['max-pool2d.definition']);
    const other = applyBaseline(report([{ id: 'max-pool2d.definition', kind: 'property', operator: 'max-pool2d', family: 'definition', status: 'failed', brokenClause: 'pool.max.nan', clauses: [], message: 'maxPool2d[0]=1, but should be NaN [maxPool2d(…)] §pool.max.nan' }]), baseline, ids);
    expect(other.newFailures.map((c) => c.id)).toEqual(['max-pool2d.definition']);
  });

  it('a failure of a check the baseline does not name is new', () => {
    const v = applyBaseline(report([{ id: 'pad2d.definition', kind: 'property', operator: 'pad2d', family: 'definition', status: 'failed', brokenClause: 'pad.reflect', clauses: [], message: '… §pad.reflect' }]), baseline, ids);
    expect(v.newFailures.map((c) => c.id)).toEqual(['pad2d.definition']);
  });

  it('a check has at most one entry: a second one for the same id is refused, naming it', () => {
    // Matching looks an id up once, so a second entry would silently replace the first (tfjs's baseline had two
    // for conv2d.backward-is-adjoint, an error and a failure, and only the failure could ever be expected).
    const file = join(mkdtempSync(join(tmpdir(), 'convkit-baseline-')), 'b.json');
    writeFileSync(file, JSON.stringify({ adapter: 'x', seed: 1, entries: [{ id: 'a', status: 'error', reason: 'r' }, { id: 'a', status: 'failed', reason: 's' }] }));
    expect(() => readBaseline(file)).toThrow(`baseline ${file}: entries 1 and 2 both have id "a"; a check has one entry (one status, one reason)`);
  });

  it('every shipped baseline reads', () => {
    const dir = join(import.meta.dirname, '..', '..', 'baselines');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.corpus.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) expect(() => readBaseline(join(dir, f)), f).not.toThrow();
  });
});
