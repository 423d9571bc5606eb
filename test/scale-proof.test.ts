/**
 * The kit proves its power at scale (issue 10, "Proof"): each scale broken adapter (test/adapters/
 * scaleBrokenAdapters.ts, an optimised-kernel bug that shows only at realistic scale or at a boundary) is
 * caught by the kit's properties with default runs at the default scale, for the default seed and two others,
 * and the kit's shrunk counterexample has exactly the configuration the adapter states as the smallest that
 * shows it (`minimal`, e.g. 5 channels for a channel tail, not 64). The configuration is measured on the failed
 * check's recorded calls that show the bug (scaleConfiguration.ts), never parsed out of a message.
 *
 * Only properties that call an operator the adapter breaks are run: the others call the reference alone.
 */
import { describe, expect, it } from 'vitest';
import { FULL_TIER, FULL_TIER_ONLY } from './tier.js';
import type { Adapter, OperatorName } from '../src/adapter/contract.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../src/check/checkResult.js';
import { checkProperty } from '../src/kit/checkProperty.js';
import { DEFAULT_RUNS, DEFAULT_SEED, runConformance } from '../src/kit/runConformance.js';
import { catalogue } from '../properties/catalogue.js';
import type { Property } from '../properties/property.js';
import { callConfiguration, project, showingCalls, type Configuration } from './adapters/scaleConfiguration.js';
import { scaleBrokenAdapters, type ScaleBrokenAdapter } from './adapters/scaleBrokenAdapters.js';

const OTHER_SEEDS = [7, 2026];

/** The operators an adapter replaces: its methods that are not the reference's own. */
function brokenOperators(adapter: Adapter): OperatorName[] {
  const a = adapter as unknown as Record<string, unknown>;
  const r = reference as unknown as Record<string, unknown>;
  return Object.keys(a).filter((k) => typeof a[k] === 'function' && a[k] !== r[k]) as OperatorName[];
}

const propertiesFor = (adapter: Adapter): Property[] => {
  const broken = new Set(brokenOperators(adapter));
  return catalogue.filter((p) => p.requires.ops.some((op) => broken.has(op)));
};

const isFailure = (c: CheckResult) => c.status === 'failed' || c.status === 'error';
const same = (a: Configuration, b: Configuration) => Object.keys(b).every((k) => a[k] === b[k]);

interface Measured {
  readonly id: string;
  /** The configurations (projected on `minimal`'s terms) of the calls that show the bug. */
  readonly shown: Configuration[];
}

async function measure(b: ScaleBrokenAdapter, check: CheckResult): Promise<Measured> {
  const calls = await showingCalls(b.adapter, check);
  return { id: check.id, shown: calls.map((c) => project(callConfiguration(c), b.minimal)) };
}

const reaches = (m: Measured, minimal: Configuration) => m.shown.some((c) => same(c, minimal));
const table = (ms: readonly Measured[]) => ms.map((m) => `${m.id}: ${m.shown.map((c) => JSON.stringify(c)).join(' ') || 'no showing call'}`).join('\n');

describe(`${scaleBrokenAdapters.length} scale broken adapters: caught, and shrunk to their minimal configuration`, () => {
  /** Per adapter, the checks that caught it with the default seed, those that reached `minimal` first. */
  const firstTried = new Map<string, string[]>();

  for (const b of scaleBrokenAdapters) {
    it(`${b.adapter.name} (minimal ${JSON.stringify(b.minimal)}): default seed`, async () => {
      const report = await runConformance(b.adapter, { fixtures: [], properties: propertiesFor(b.adapter) });
      const failed = report.checks.filter(isFailure);
      expect(failed.map((c) => c.id), `${b.adapter.name} passed everything`).not.toEqual([]);
      const measured = await Promise.all(failed.map((c) => measure(b, c)));
      firstTried.set(b.adapter.name, [...measured.filter((m) => reaches(m, b.minimal)), ...measured.filter((m) => !reaches(m, b.minimal))].map((m) => m.id));
      // Every failure shows the bug in a call, and none in a call smaller than `minimal` (else `minimal` is wrong).
      expect(measured.filter((m) => m.shown.length === 0).map((m) => m.id), table(measured)).toEqual([]);
      const below = measured.filter((m) => m.shown.some((c) => Object.keys(b.minimal).some((k) => c[k]! < b.minimal[k]!)));
      expect(below.map((m) => m.id), table(measured)).toEqual([]);
      expect(measured.filter((m) => reaches(m, b.minimal)).map((m) => m.id), table(measured)).not.toEqual([]);
    });
  }

  for (const seed of OTHER_SEEDS) {
    it.skipIf(!FULL_TIER)(`seed ${seed}${FULL_TIER ? '' : ` — skipped: ${FULL_TIER_ONLY}`}: each is caught and shrunk to its minimal configuration within ${DEFAULT_RUNS} runs`, async () => {
      const missed: string[] = [];
      for (const b of scaleBrokenAdapters) {
        const first = firstTried.get(b.adapter.name) ?? [];
        const properties = propertiesFor(b.adapter);
        const ordered = [...first.map((id) => properties.find((p) => p.id === id)!), ...properties.filter((p) => !first.includes(p.id))];
        const tried: Measured[] = [];
        let reached = false;
        for (const property of ordered) {
          const r = await checkProperty(b.adapter, property, { seed, runs: DEFAULT_RUNS });
          if (!isFailure(r)) continue;
          const m = await measure(b, r);
          tried.push(m);
          if ((reached = reaches(m, b.minimal))) break;
        }
        if (!reached) missed.push(`${b.adapter.name} (minimal ${JSON.stringify(b.minimal)}): ${tried.length === 0 ? 'not caught' : `\n${table(tried)}`}`);
      }
      expect(missed).toEqual([]);
    });
  }
});
