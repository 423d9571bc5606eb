/**
 * Proof of the convention diagnosis (spec/conventions.md kit.diagnosis.conventions): an adapter that follows one
 * named convention, and is otherwise the reference, is diagnosed with that id on the default seed and two others;
 * a broken adapter with a random bug gets no convention in at least 90% of the failures diagnosed. Only the first
 * failure per adapter and seed is diagnosed (the cost stays a few seconds).
 */
import { describe, expect, it } from 'vitest';
import { CONVENTIONS } from '../../src/diagnosis/conventionCatalogue.js';
import { diagnoseFailure } from '../../src/kit/diagnosis/diagnoseFailure.js';
import { DEFAULT_SEED } from '../../src/kit/runConformance.js';
import { firstFailure } from './firstFailure.js';
import { brokenAdapters } from '../adapters/brokenAdapters.js';
import { CONVENTION_BUGS, conventionAdapters } from './conventionAdapters.js';

/**
 * Pairs of conventions that some shrunk cases cannot tell apart, and why. Another id than the expected one is
 * allowed only from this list.
 */
const INDISTINGUISHABLE: ReadonlyMap<string, { id: string; why: string }> = new Map([
  // Without ceil mode every window clipped to the padded extent has k_h·k_w taps: counting the padding in the
  // divisor and dividing by the full kernel are the same numbers.
  ['avg-grad-full-window', { id: 'count-include-pad-true', why: 'no ceil-mode window cut off, so k_h·k_w = the padded count' }],
]);

const SEEDS = [DEFAULT_SEED, 7, 2026];

describe('an adapter following a convention is diagnosed with its id', () => {
  it('the catalogue holds at least the ids issue 13 names, each with a title and a source', () => {
    const issue = ['true-convolution', 'padding-axes-swapped', 'same-extra-top-left', 'tf-same-padding', 'reflect-symmetric', 'replicate-as-zeros', 'count-include-pad-false', 'count-include-pad-true', 'avg-divisor-full-window', 'max-pool-nan-ignored', 'ceil-keeps-padding-window', 'empty-window-lowest-float', 'stride-swapped', 'weights-hwio', 'nhwc-data', 'output-padding-ignored', 'max-grad-all-ties', 'avg-grad-full-window'];
    expect(CONVENTIONS.map((c) => c.id)).toEqual(expect.arrayContaining(issue));
    for (const c of CONVENTIONS) expect(c.title.length > 10 && c.source.length > 10 && c.methods.length > 0, c.id).toBe(true);
  });

  it('every catalogue id has an adapter that follows it', () => {
    expect([...conventionAdapters.keys()].sort()).toEqual(CONVENTIONS.map((c) => c.id).sort());
  });

  for (const convention of CONVENTIONS) {
    it(`${convention.id}, seeds ${SEEDS.join(', ')}`, async () => {
      const adapter = conventionAdapters.get(convention.id)!;
      for (const seed of SEEDS) {
        const failure = await firstFailure(adapter, seed);
        expect(failure, `seed ${seed}: no property failed`).toBeDefined();
        const diagnosis = await diagnoseFailure(adapter, failure!.detail?.calls ?? []);
        const ids = diagnosis?.conventions.map((c) => c.id) ?? [];
        expect(ids, `seed ${seed}, ${failure!.id}`).toContain(convention.id);
        const allowed = INDISTINGUISHABLE.get(convention.id)?.id;
        expect(ids.filter((id) => id !== convention.id && id !== allowed), `seed ${seed}, ${failure!.id}`).toEqual([]);
        expect(diagnosis!.conventions.find((c) => c.id === convention.id)).toEqual({ id: convention.id, title: convention.title, source: convention.source });
      }
    });
  }
});

describe('a random bug follows no convention', () => {
  it('no convention is named for at least 90% of the random-bug adapters, first failure each, default seed', async () => {
    const randomBugs = brokenAdapters.filter((b) => !CONVENTION_BUGS.has(b.adapter.name));
    expect(randomBugs.length).toBeGreaterThanOrEqual(20);
    const named: string[] = [];
    let diagnosed = 0;
    for (const { adapter } of randomBugs) {
      for (const seed of [DEFAULT_SEED]) {
        const failure = await firstFailure(adapter, seed);
        if (failure === undefined) continue;
        diagnosed++;
        const ids = (await diagnoseFailure(adapter, failure.detail?.calls ?? []))?.conventions.map((c) => c.id) ?? [];
        if (ids.length > 0) named.push(`${adapter.name} (${failure.id}): ${ids.join(', ')}`);
      }
    }
    expect(diagnosed).toBeGreaterThanOrEqual(20);
    expect(named.length / diagnosed, named.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('the broken adapters that do follow a convention are named with it (first failure, default seed)', async () => {
    const missed: string[] = [];
    for (const [name, id] of CONVENTION_BUGS) {
      const adapter = brokenAdapters.find((b) => b.adapter.name === name)!.adapter;
      const failure = await firstFailure(adapter, DEFAULT_SEED);
      const ids = (await diagnoseFailure(adapter, failure?.detail?.calls ?? []))?.conventions.map((c) => c.id) ?? [];
      if (!ids.includes(id)) missed.push(`${name} (${failure?.id ?? 'no failure'}): ${ids.join(', ') || 'none'}`);
    }
    expect(missed).toEqual([]);
  });
});
