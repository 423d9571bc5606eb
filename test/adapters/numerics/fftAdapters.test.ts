/**
 * Issue 11's proof for FFT convolution (spec/numerics.md, `num.bound.fft`, `num.nan-locality`): float64 and float32
 * FFT adapters that declare it pass every conv2d and corr2d check and the notes' golden convolutions on three seeds;
 * one that truncates the transform size is caught.
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/kit/runConformance.js';
import { onSeeds, proofSeeds } from '../../tier.js';
import { fftAdapter } from './fftAdapter.js';
import { exactly } from '../exactly.js';

/** Three seeds in the full tier, the default one in the quick tier (test/tier.ts). */
const SEEDS = proofSeeds([20261121, 7, 1234567]);

describe('FFT adapters judged by their declarations', () => {
  for (const precision of ['float64', 'float32'] as const) {
    it(`${precision} FFT convolution, declared, has no failure ${onSeeds(SEEDS)}`, async () => {
      const adapter = fftAdapter(`fft-${precision}`, precision, { algorithm: 'fft' });
      for (const seed of SEEDS) {
        const report = await runConformance(adapter, { seed });
        const failed = report.checks.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.message}`);
        expect(failed, `seed ${seed}`).toEqual([]);
        expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(20);
      }
    }, 300_000);
  }

  it('a declared float64 FFT that truncates the transform size is caught', async () => {
    const adapter = fftAdapter('fft-truncated', 'float64', { algorithm: 'fft' }, true);
    // Only the checks asserted on: each check's cases come from its own seed (src/kit/propertySeed.ts: run seed +
    // id), so under `only` they fail exactly as in the whole run.
    const caughtBy = ['conv2d.definition', 'corr2d.definition', 'golden/notes-003-corr2d-single-channel'];
    const report = await runConformance(adapter, { only: exactly(caughtBy) });
    expect(report.checks.map((c) => c.id).sort()).toEqual([...caughtBy].sort());
    const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(caughtBy));
  }, 120_000);
});
