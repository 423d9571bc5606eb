/**
 * Issue 11's proof for reduced precision (spec/numerics.md, `num.bound.storage`, `num.bound.long-sums`): direct
 * conv2d adapters that store in TF32, float16 or bfloat16 pass every conv2d check and golden fixture on three seeds
 * when they declare what they do, and are caught when they declare better than they do.
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/kit/runConformance.js';
import { onSeeds, proofSeeds } from '../../tier.js';
import { precisionAdapter } from './precisionAdapter.js';
import { describeFingerprint } from '../../../src/check/precisionFingerprint.js';

/** Three seeds in the full tier, the default one in the quick tier (test/tier.ts). */
const SEEDS = proofSeeds([20261121, 7, 1234567]);

const honest = [
  precisionAdapter('tf32-inputs-float32-sums', 'float32', { storage: 'tf32', accumulate: 'float32' }, { storage: 'tf32', accumulate: 'float32' }),
  precisionAdapter('float16-storage-float32-sums', 'float32', { storage: 'float16', accumulate: 'float32' }, { storage: 'float16', accumulate: 'float32' }),
  precisionAdapter('bfloat16-storage', 'float32', { storage: 'bfloat16', accumulate: 'bfloat16' }, { storage: 'bfloat16' }),
];

const dishonest = [
  { adapter: precisionAdapter('float16-sums-declared-float32', 'float32', { storage: 'float16', accumulate: 'float16' }, { storage: 'float16', accumulate: 'float32' }), caughtBy: 'conv2d.long-sums', behaves: { storage: 'float16', accumulate: 'float16' }, says: 'conv2d declares float16 storage with float32 accumulation; behaves like float16 accumulation' },
  { adapter: precisionAdapter('tf32-declared-float32', 'float32', { storage: 'tf32', accumulate: 'float32' }, undefined), caughtBy: 'conv2d.definition', behaves: { storage: 'tf32', accumulate: 'float32' }, says: 'conv2d declares float32; behaves like TF32 (inputs rounded to 10 bits)' },
];

describe('reduced-precision adapters judged by their declarations', () => {
  for (const adapter of honest) {
    it(`${adapter.name}, declared honestly, has no failure ${onSeeds(SEEDS)}`, async () => {
      for (const seed of SEEDS) {
        const report = await runConformance(adapter, { seed });
        const failed = report.checks.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.message}`);
        expect(failed, `seed ${seed}`).toEqual([]);
        expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(20);
      }
    }, 60_000);
  }

  for (const { adapter, caughtBy, behaves, says } of dishonest) {
    it(`${adapter.name} is caught by ${caughtBy}, and its fingerprint names what it does (num.fingerprint)`, async () => {
      const report = await runConformance(adapter, { only: caughtBy });
      const check = report.checks.find((c) => c.id === caughtBy);
      expect(check?.status).toBe('failed');
      expect(check?.fingerprint?.behavesLike).toEqual(behaves);
      expect(describeFingerprint(check!.fingerprint!)).toBe(says);
    });
  }
});
