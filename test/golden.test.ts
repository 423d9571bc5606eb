/**
 * The golden fixtures: every file validates against golden/schema.json, the reference passes every one, and
 * the checker fails an adapter that gets them wrong (so passing means something).
 */
import { describe, expect, it } from 'vitest';
import { reference, type Adapter } from '../src/index.js';
import { loadFixtures } from '../src/golden/loadFixtures.js';
import { checkFixture, checkFixtures } from '../src/golden/checkFixture.js';

const fixtures = loadFixtures();

describe('golden fixtures', () => {
  it('load and validate against golden/schema.json', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.id)).size).toBe(fixtures.length);
    for (const f of fixtures) expect(f.path?.endsWith(`${f.id}.json`), f.id).toBe(true);
  });

  it('every value fixture says where its numbers came from: printed text from the notes, or an independent computation', () => {
    for (const f of fixtures) {
      if (f.provenance.source === 'notes') expect(f.provenance.printed, f.id).toBeTruthy();
      else expect(f.provenance.computedWith, f.id).toMatch(/torch/);
    }
  });

  for (const f of fixtures) {
    it(`reference passes ${f.id} (${f.clauses.join(', ')})`, async () => {
      const result = await checkFixture(reference, f);
      expect(result.message ?? '').toBe('');
      expect(result.status).toBe('passed');
    });
  }
});

describe('the fixture checker fails wrong adapters', () => {
  const flipped: Adapter = {
    name: 'flips-the-kernel',
    dtype: 'float64',
    corr2d: (x, k) => reference.corr2d!(x, { shape: k.shape, data: Array.from(k.data).reverse() }),
  };
  const offByOneShape: Adapter = {
    name: 'drops-a-row',
    dtype: 'float64',
    conv2d: async (input, weight, bias, opts) => {
      const y = await reference.conv2d!(input, weight, bias, opts);
      const [n, c, h, w] = y.shape as [number, number, number, number];
      return { shape: [n, c, h - 1, w], data: Array.from(y.data).slice(0, n * c * (h - 1) * w) };
    },
  };

  it('a kernel-flipping corr2d fails the corr2d fixtures, with the element and the clause in the message', async () => {
    const results = await checkFixtures(flipped, fixtures.filter((f) => f.op === 'corr2d'));
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.message).toMatch(/^corr2d\[\d+, \d+\]=.*, but should be .* §corr\./);
  });

  it('a conv2d answering the wrong shape fails the conv2d fixtures, shape-only ones included', async () => {
    const results = await checkFixtures(offByOneShape, fixtures.filter((f) => f.op === 'conv2d'));
    expect(results.every((r) => r.status === 'failed')).toBe(true);
    expect(results[0]!.message).toMatch(/^conv2d\.shape=\[\d+(, \d+){3}\], but should be \[\d+(, \d+){3}\] \[conv2d\(.*\)\] §/);
  });

  it('a malformed result (a shape with a fraction, data of the wrong length) is an error, as in the properties', async () => {
    const conv = fixtures.filter((f) => f.op === 'conv2d');
    const fraction: Adapter = { name: 'fraction', dtype: 'float64', conv2d: () => ({ shape: [1, 1, 1.5, 1], data: [0] }) };
    const short: Adapter = { name: 'short', dtype: 'float64', conv2d: () => ({ shape: [1, 1, 2, 2], data: [0] }) };
    for (const adapter of [fraction, short]) {
      const results = await checkFixtures(adapter, conv);
      expect(results.map((r) => r.status)).toEqual(conv.map(() => 'error'));
      expect(results[0]!.message).toMatch(/^conv2d: result(\.shape\[2\])?=.* §err\.adapter-result/);
    }
  });

  it('an adapter without the operator is skipped, never passed', async () => {
    const results = await checkFixtures({ name: 'empty', dtype: 'float64' }, fixtures);
    expect(results.every((r) => r.status === 'skipped')).toBe(true);
  });
});
