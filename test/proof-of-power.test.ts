/**
 * The kit proves its power: the reference and a faithful float32 implementation pass the whole catalogue;
 * every deliberately broken adapter is caught within the default number of runs for several seeds; and every
 * property catches at least one broken adapter (a property nothing can fail is a defect).
 */
import { describe, expect, it } from 'vitest';
import { FULL_TIER, FULL_TIER_ONLY, onSeeds, proofSeeds } from './tier.js';
import { reference } from '../src/index.js';
import { runConformance, DEFAULT_RUNS, DEFAULT_SEED } from '../src/kit/runConformance.js';
import { checkProperty } from '../src/kit/checkProperty.js';
import { catalogue } from '../properties/catalogue.js';
import { brokenAdapters } from './adapters/brokenAdapters.js';
import { float32Adapter } from './adapters/float32Adapter.js';
import { checksThatCanFail, recordingReference } from './adapters/callsByCheck.js';

const notPassed = (checks: { id: string; status: string; message?: string }[]) => checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.status} ${c.message ?? ''}`);

/** The reference run's adapter calls, per check: a broken adapter runs the checks that call what it replaces. */
const recorded = recordingReference();

describe('faithful implementations pass everything', () => {
  it('the reference passes every fixture and property (default seed and runs)', async () => {
    const report = await runConformance(recorded.adapter, { onProgress: recorded.onProgress });
    expect(report.adapter).toBe(reference.name);
    expect(notPassed(report.checks.filter((c) => !c.message?.includes('does not implement')))).toEqual([]);
    // kit.health.vacuous: none of the default run's checks proved too little (implied above; said on its own).
    expect(report.checks.filter((c) => c.status === 'vacuous').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    // Every check of the run is on record, so a broken adapter's selection below leaves out none by accident.
    expect([...recorded.calls.keys()]).toEqual(report.checks.map((c) => c.id));
  });

  const float32Seeds = proofSeeds([DEFAULT_SEED, 1, 2]);
  it(`a faithful float32 implementation passes under the float32 tolerance, ${onSeeds(float32Seeds)}`, async () => {
    for (const seed of float32Seeds) {
      const report = await runConformance(float32Adapter(), { seed });
      expect(notPassed(report.checks.filter((c) => c.status !== 'skipped')), `seed ${seed}`).toEqual([]);
    }
  });
});

describe(`${brokenAdapters.length} broken adapters are caught`, () => {
  it('there are at least 15, each a distinct bug', () => {
    expect(brokenAdapters.length).toBeGreaterThanOrEqual(15);
    expect(new Set(brokenAdapters.map((b) => b.adapter.name)).size).toBe(brokenAdapters.length);
  });

  const failedBy = new Map<string, string[]>();
  /** Per adapter, the checks that caught it with the default seed: the other seeds try those first (any catch counts). */
  const caught = new Map<string, Set<string>>();
  for (const { adapter, bug } of brokenAdapters) {
    it(`${adapter.name} (${bug}) fails at least one check with the default seed`, async () => {
      // Only the checks that can fail it (test/adapters/callsByCheck.ts): the others reach the reference's verdict.
      const { only, ids } = checksThatCanFail(adapter, recorded.calls);
      const report = await runConformance(adapter, only ? { only } : {});
      if (ids) expect(report.checks.map((c) => c.id)).toEqual(ids);
      const failed = report.checks.filter((c) => c.status === 'failed' || c.status === 'error');
      for (const c of failed) failedBy.set(c.id, [...(failedBy.get(c.id) ?? []), adapter.name]);
      caught.set(adapter.name, new Set(failed.map((c) => c.id)));
      expect(failed.map((c) => c.id).length, `${adapter.name} passed everything`).toBeGreaterThan(0);
    });
  }

  // The other seeds are the full tier's (test/tier.ts); the quick tier proves each catch on the default seed.
  for (const seed of [7, 2026]) {
    it.skipIf(!FULL_TIER)(`every broken adapter is also caught with seed ${seed} within ${DEFAULT_RUNS} runs${FULL_TIER ? '' : ` — skipped: ${FULL_TIER_ONLY}`}`, async () => {
      const escaped: string[] = [];
      for (const { adapter } of brokenAdapters) {
        const first = caught.get(adapter.name) ?? new Set<string>();
        const ordered = [...catalogue.filter((p) => first.has(p.id)), ...catalogue.filter((p) => !first.has(p.id))];
        let found = false;
        for (const property of ordered) {
          const r = await checkProperty(adapter, property, { seed, runs: DEFAULT_RUNS });
          if (r.status === 'failed' || r.status === 'error') {
            found = true;
            break;
          }
        }
        if (!found) escaped.push(adapter.name);
      }
      expect(escaped).toEqual([]);
    });
  }

  it('every property catches at least one broken adapter', () => {
    const idle = catalogue.map((p) => p.id).filter((id) => !failedBy.has(id));
    expect(idle).toEqual([]);
  });
});
