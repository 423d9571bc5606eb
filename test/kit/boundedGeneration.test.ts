/**
 * Generation is bounded (issue 14): a property none of whose cases an adapter can take ends as skipped with the
 * reason, instead of hanging the run in fast-check's filter; conv2d.bias-per-channel declares that it needs
 * conv2d.bias.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { featureFilter, MAX_REJECTIONS, NoCaseCanBeDrawn } from '../../src/kit/featureFilter.js';
import { defineProperty } from '../../properties/property.js';
import { catalogue } from '../../properties/catalogue.js';

const noBias: Adapter = { ...reference, name: 'no-bias', supports: { features: { 'conv2d.bias': false } } };

describe('bounded generation', () => {
  it('a property every case of which needs a declared-off feature is skipped, naming the feature', async () => {
    let drawn = 0;
    const property = defineProperty<number>({
      id: 'test.always-bias',
      operator: 'conv2d',
      family: 'linearity',
      title: 'every case has a bias',
      clauses: ['conv.bias'],
      requires: { ops: ['conv2d'] },
      arbitrary: () => fc.integer().map((n) => { drawn++; return n; }),
      caseFeatures: () => ['conv2d.bias', 'conv2d.groups'].slice(0, 1 + (drawn % 2)) as ['conv2d.bias'],
      predicate: async () => undefined,
    });
    const result = await checkProperty(noBias, property, { seed: 1, runs: 10 });
    expect(result).toMatchObject({ status: 'skipped', message: `adapter no-bias: every case needs conv2d.bias (${MAX_REJECTIONS} candidates in a row were rejected)` });
    expect(drawn).toBe(MAX_REJECTIONS);
  });

  it('a filter that rejects some candidates still draws the others, and never throws once a case was drawn', () => {
    const arb = featureFilter(fc.integer({ min: 0, max: 9 }), (n) => (n === 0 ? [] : ['conv2d.bias']), new Set(['conv2d.bias']), 50);
    expect(fc.sample(arb, { seed: 3, numRuns: 20 }).every((n) => n === 0)).toBe(true);
    const never = featureFilter(fc.integer(), () => ['conv2d.bias'], new Set(['conv2d.bias']), 50);
    expect(() => fc.sample(never, 1)).toThrow(NoCaseCanBeDrawn);
  });

  it('conv2d.bias-per-channel needs conv2d.bias: skipped at once for an adapter without bias; the others run', async () => {
    const biasPerChannel = catalogue.find((p) => p.id === 'conv2d.bias-per-channel')!;
    expect(biasPerChannel.requires.features).toContain('conv2d.bias');
    expect(await checkProperty(noBias, biasPerChannel, { seed: 1, runs: 5 })).toMatchObject({ status: 'skipped', message: 'adapter no-bias declares conv2d.bias unsupported' });
    const definition = catalogue.find((p) => p.id === 'conv2d.definition')!;
    expect((await checkProperty(noBias, definition, { seed: 1, runs: 5 })).status).toBe('passed');
  });
});
