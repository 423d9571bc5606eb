/**
 * Issue 11's proof for Winograd (spec/numerics.md, `num.bound.winograd`, `num.nan-locality`): float32 F(2×2, 3×3)
 * and F(4×4, 3×3) adapters that declare what they do pass every conv2d and corr2d check and golden fixture on three
 * seeds; one with a wrong transform constant is caught.
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/kit/runConformance.js';
import { onSeeds, proofSeeds } from '../../tier.js';
import { WINOGRAD_F2_3, WINOGRAD_F4_3, type WinogradTransform } from '../../../src/check/winogradTransforms.js';
import { winogradAdapter } from './winogradAdapter.js';
import { exactly } from '../exactly.js';

/** Three seeds in the full tier, the default one in the quick tier (test/tier.ts). */
const SEEDS = proofSeeds([20261121, 7, 1234567]);

/** F(4, 3) with G's 1/12 mistyped as 1/16 (row 3: [1/24, 1/12, 1/6] per Lavin & Gray's §4.2). */
const wrongConstant: WinogradTransform = { ...WINOGRAD_F4_3, G: WINOGRAD_F4_3.G.map((row, i) => (i === 3 ? [1 / 24, 1 / 16, 1 / 6] : row)) };

describe('Winograd adapters judged by their declarations', () => {
  for (const [t, m] of [[WINOGRAD_F2_3, 2], [WINOGRAD_F4_3, 4]] as const) {
    it(`float32 F(${m}×${m}, 3×3), declared, has no failure ${onSeeds(SEEDS)}`, async () => {
      const adapter = winogradAdapter(`winograd-f${m}`, t, { algorithm: 'winograd', winogradTile: m });
      for (const seed of SEEDS) {
        const report = await runConformance(adapter, { seed });
        const failed = report.checks.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.message}`);
        expect(failed, `seed ${seed}`).toEqual([]);
        expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(20);
      }
    }, 240_000);
  }

  it('a declared F(4×4, 3×3) with a wrong transform constant is caught by the 3×3 checks and the notes\' goldens', async () => {
    const adapter = winogradAdapter('winograd-f4-wrong-constant', wrongConstant, { algorithm: 'winograd', winogradTile: 4 });
    // Only the checks asserted on: each check's cases come from its own seed (src/kit/propertySeed.ts: run seed +
    // id), so under `only` they fail exactly as in the whole run.
    const caughtBy = ['corr2d.definition', 'conv2d.true-convolution', 'golden/notes-003-corr2d-single-channel', 'golden/notes-003-conv2d-padding1-kernel-1to9'];
    const report = await runConformance(adapter, { only: exactly(caughtBy) });
    expect(report.checks.map((c) => c.id).sort()).toEqual([...caughtBy].sort());
    const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(caughtBy));
  }, 60_000);
});
