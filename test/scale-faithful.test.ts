/**
 * The faithful implementations pass at every scale (issue 10, "Proof"; `shape.scale`): the float64 reference
 * and a float32 implementation (test/adapters/float32Adapter.ts) raise no false alarm with tiny cases only
 * (`small`) and with the large realistic share and work budget (`large`). The `default` scale is proved in
 * proof-of-power.test.ts (the reference with the default seed, float32 with three seeds). At `large` the
 * properties run LARGE_RUNS cases each to keep the suite cheap; the whole large run, shape corpus included,
 * is `convkit run --adapter reference --scale large`, timed by hand (see the branch report).
 */
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../src/adapter/contract.js';
import { reference } from '../src/adapter/referenceAdapter.js';
import type { CheckResult } from '../src/check/checkResult.js';
import { DEFAULT_SEED, runConformance } from '../src/kit/runConformance.js';
import type { Scale } from '../src/shape/scale.js';
import { catalogue } from '../properties/catalogue.js';
import { float32Adapter } from './adapters/float32Adapter.js';

const LARGE_RUNS = 20;
/** Not vacuous: most checks ran (the float32 adapter skips the float64-exact fixtures and a few properties). */
const MIN_PASSED = 40;

const alarms = (checks: readonly CheckResult[]) => checks.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.status} ${c.message ?? ''}`);

const faithful: readonly (readonly [string, () => Adapter])[] = [
  ['the float64 reference', () => reference],
  ['a float32 implementation', () => float32Adapter()],
];

describe('faithful implementations pass at every scale', () => {
  for (const [label, make] of faithful) {
    it(`${label} passes everything at scale small (default runs)`, async () => {
      const report = await runConformance(make(), { scale: 'small' });
      expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThanOrEqual(MIN_PASSED);
      expect(alarms(report.checks)).toEqual([]);
    });

    for (const seed of [DEFAULT_SEED, 7]) {
      it(`${label} passes every property at scale large (${LARGE_RUNS} runs each, seed ${seed})`, async () => {
        const scale: Scale = 'large';
        const report = await runConformance(make(), { scale, seed, runs: LARGE_RUNS, properties: catalogue, fixtures: [] });
        expect(report.scale).toBe(scale);
        expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThanOrEqual(MIN_PASSED);
        expect(alarms(report.checks)).toEqual([]);
      });
    }
  }
});
