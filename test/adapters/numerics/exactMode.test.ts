/**
 * Exact mode as a run setting (spec/numerics.md `num.values.exact`, `num.values.exact.fill`): the fill's own laws,
 * a direct float32 adapter one ulp off that the γ bound lets through in a default run and exact mode catches (and
 * replays), and honest adapters — the reference, float32 direct, FFT and Winograd — with no failure on three seeds.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { onSeeds, proofSeeds } from '../../tier.js';
import type { Adapter } from '../../../src/adapter/contract.js';
import { reference } from '../../../src/adapter/referenceAdapter.js';
import { exactCase, exactFillFor, exactValue, nonZeroShare, reductionEstimate } from '../../../src/check/valuesExact.js';
import { WINOGRAD_F2_3, WINOGRAD_F4_3 } from '../../../src/check/winogradTransforms.js';
import { checkProperty } from '../../../src/kit/checkProperty.js';
import { replayCommand } from '../../../src/kit/report/replayCommand.js';
import { toJsonReport } from '../../../src/kit/report/jsonReport.js';
import { runConformance, type ConformanceOptions } from '../../../src/kit/runConformance.js';
import { catalogue } from '../../../properties/catalogue.js';
import { fftAdapter } from './fftAdapter.js';
import { directConv2d, oneUlpOff, precisionAdapter } from './precisionAdapter.js';
import { winogradAdapter } from './winogradAdapter.js';

/** Three seeds in the full tier, the default one in the quick tier (test/tier.ts). */
const SEEDS = proofSeeds([20261121, 7, 1234567]);
const exact: ConformanceOptions = { values: 'exact' };

describe('the exact fill (num.values.exact.fill)', () => {
  const f32 = { limit: 2 ** 24, magnitude: 3 };

  it('takes 2^p of the coarsest declared format of the property operators', () => {
    expect(exactFillFor({ dtype: 'float32' }, ['conv2d']).limit).toBe(2 ** 24);
    expect(exactFillFor({ dtype: 'float64' }, ['conv2d']).limit).toBe(2 ** 53);
    expect(exactFillFor({ dtype: 'float32', numerics: { conv2d: { storage: 'float16', accumulate: 'float32' } } }, ['conv2d']).limit).toBe(2 ** 11);
    expect(exactFillFor({ dtype: 'float32', numerics: { conv2d: { storage: 'bfloat16' } } }, ['pad2d']).limit).toBe(2 ** 24); // another operator's declaration
  });

  it('has density 1 in float32 and q² = 2^p / 9K below it (hand-computed: 2048 / (9·576) for float16 at K = 576)', () => {
    expect(nonZeroShare(f32, 64 * 49)).toBe(1);
    expect(nonZeroShare({ limit: 2 ** 11, magnitude: 3 }, 576) ** 2).toBeCloseTo(2048 / 5184, 12);
    // K from the tensors: a [2, 3, 5, 5] input has 75 per batch, a [4, 3, 3, 3] weight 27; a [4, 5] matrix all 20.
    expect(reductionEstimate({ input: { shape: [2, 3, 5, 5], data: [] }, weight: { shape: [4, 3, 3, 3], data: [] } })).toBe(75);
    expect(reductionEstimate({ x: { shape: [4, 5], data: [] } })).toBe(20);
  });

  it('maps each value by itself: integers in [−3, 3] of its sign, equal values equal, 0, NaN and ±∞ kept', () => {
    const data = [0.5, -0.5, 0.5, 1.25, -3.75, 0, NaN, Infinity, -Infinity, 2 ** -18];
    const c = exactCase({ t: { shape: [data.length], data }, pad: 0.75 }, f32);
    const out = Array.from(c.t.data);
    expect(c.pad).toBe(0.75); // a scalar option is not a tensor
    expect(out[0]).toBe(out[2]);
    for (let i = 0; i < 5; i++) {
      expect(Number.isInteger(out[i]) && Math.abs(out[i]!) >= 1 && Math.abs(out[i]!) <= 3, `${data[i]} → ${out[i]}`).toBe(true);
      expect(Math.sign(out[i]!)).toBe(Math.sign(data[i]!));
    }
    expect(out.slice(5, 9)).toEqual([0, NaN, Infinity, -Infinity]);
    expect(exactValue(0.5, f32, 1)).toBe(out[0]); // deterministic
  });

  it('at a density below 1 zeroes about 1 − q of the values', () => {
    const fill = { limit: 2 ** 8, magnitude: 3 };
    const values = Array.from({ length: 4000 }, (_, i) => (i + 1) / 2 ** 12);
    const zeros = values.filter((v) => exactValue(v, fill, 0.25) === 0).length / values.length;
    expect(zeros).toBeGreaterThan(0.7);
    expect(zeros).toBeLessThan(0.8);
  });
});

describe('exact mode (num.values.exact)', () => {
  const ulpOff: Adapter = { name: 'one-ulp-off', dtype: 'float32', conv2d: oneUlpOff(directConv2d({ storage: 'float32', accumulate: 'float32' })) };
  const definition = catalogue.find((p) => p.id === 'conv2d.definition')!;

  it('a float32 direct conv2d one ulp off passes conv2d.definition in a default run (γ lets it through) and fails it in exact mode', async () => {
    const byDefault = await runConformance(ulpOff, { only: 'conv2d.definition' });
    expect(byDefault.values).toBeUndefined();
    expect(byDefault.checks.find((c) => c.id === 'conv2d.definition')?.status).toBe('passed');

    const inExact = await runConformance(ulpOff, { ...exact, only: 'conv2d.definition' });
    expect(inExact.values).toBe('exact');
    const check = inExact.checks.find((c) => c.id === 'conv2d.definition')!;
    expect(check.status).toBe('failed');
    expect(check.message).toMatch(/ exactly \[/); // tolerance 0
    expect(check.replay?.values).toBe('exact');
    expect(replayCommand(check, 'adapter.js')).toMatch(/ --values exact$/);

    // The JSON report carries the mode in its head and in the failing check, and stays valid against the schema.
    const json = toJsonReport(inExact, { adapterSpec: 'adapter.js' });
    expect(json.values).toBe('exact');
    expect(json.checks.find((c) => c.id === 'conv2d.definition')?.values).toBe('exact');
    const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);

    // Replaying the record draws the same integer case and fails the same way; without the mode it passes.
    const replay = { seed: check.replay!.runSeed, runs: 100, path: check.replay!.path!, values: check.replay!.values! };
    const again = await checkProperty(ulpOff, definition, replay);
    expect(again.status).toBe('failed');
    expect(again.counterexample).toEqual(check.counterexample);
    expect(again.message).toBe(check.message);
    const drawnInts = JSON.stringify(again.counterexample);
    expect(drawnInts).not.toMatch(/\d\.\d/); // integers only
    expect((await checkProperty(ulpOff, definition, { ...replay, values: 'default' })).status).toBe('passed');
  }, 60_000);

  const honest: Adapter[] = [
    precisionAdapter('float32-direct', 'float32', { storage: 'float32', accumulate: 'float32' }, undefined),
    fftAdapter('fft-float64', 'float64', { algorithm: 'fft' }),
    fftAdapter('fft-float32', 'float32', { algorithm: 'fft' }),
    winogradAdapter('winograd-f2', WINOGRAD_F2_3, { algorithm: 'winograd' }),
    winogradAdapter('winograd-f4', WINOGRAD_F4_3, { algorithm: 'winograd', winogradTile: 4 }),
  ];
  for (const adapter of honest) {
    it(`${adapter.name}, honestly declared, has no failure in exact mode ${onSeeds(SEEDS)}`, async () => {
      for (const seed of SEEDS) {
        const report = await runConformance(adapter, { ...exact, seed });
        // An FFT poisons its whole plane with one NaN, so conv2d.nan-propagation is vacuous for it in a default run too.
        const bad = report.checks.filter((c) => c.status === 'failed' || c.status === 'error' || (c.status === 'vacuous' && !(adapter.name.startsWith('fft') && c.id === 'conv2d.nan-propagation'))).map((c) => `${c.id}: ${c.status} ${c.message}`);
        expect(bad, `seed ${seed}`).toEqual([]);
        expect(report.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(20);
      }
    }, 400_000);
  }

  it(`the reference adapter has no failure in exact mode ${onSeeds(SEEDS)}`, async () => {
    for (const seed of SEEDS) {
      const report = await runConformance(reference, { ...exact, seed });
      const bad = report.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => `${c.id}: ${c.status} ${c.message}`);
      expect(bad, `seed ${seed}`).toEqual([]);
    }
  }, 900_000);
});
