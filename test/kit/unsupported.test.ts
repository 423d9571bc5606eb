/**
 * An adapter may answer one call `Unsupported` (kit.protocol.unsupported): that case is skipped, not an error;
 * a fixture so answered is skipped; a check whose cases all were is skipped with the reason — in process, in a
 * worker thread, and from Python over the stdio protocol.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { Unsupported } from '../../src/adapter/unsupported.js';
import { checkFixture } from '../../src/golden/checkFixture.js';
import { loadFixtures } from '../../src/golden/loadFixtures.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { catalogue } from '../../properties/catalogue.js';
import unsupportedStride from './fixtures/unsupportedStrideAdapter.js';

const definition = catalogue.find((p) => p.id === 'conv2d.definition')!;
const run = { seed: 20261121, runs: 30 };
const never: Adapter = { name: 'never', dtype: 'float64', conv2d: () => { throw new Unsupported('no conv2d call at all'); } };

describe('Unsupported answers', () => {
  const opened: Adapter[] = [];
  afterAll(async () => { for (const a of opened) await a.close?.(); });

  it('in process: the unsupported cases are skipped and the rest pass', async () => {
    expect((await checkProperty(unsupportedStride, definition, run)).status).toBe('passed');
  });

  it('a wrong answer on a supported case still fails', async () => {
    const wrong: Adapter = { ...unsupportedStride, conv2d: async (...a) => { const y = await unsupportedStride.conv2d!(...a); return { ...y, data: Array.from(y.data, (v) => v + 1) }; } };
    expect((await checkProperty(wrong, definition, run)).status).toBe('failed');
  });

  it('a check whose every case is unsupported is skipped, with the reason', async () => {
    const r = await checkProperty(never, definition, run);
    expect(r.status).toBe('skipped');
    expect(r.message).toBe('adapter never answered every case unsupported: no conv2d call at all');
  });

  it('an invalid call answered unsupported is not taken for a rejection: the check is skipped, never passed', async () => {
    const invalid = catalogue.find((p) => p.id === 'conv2d.invalid-configurations-rejected')!;
    const r = await checkProperty(never, invalid, run);
    expect(r.status).toBe('skipped');
    expect(r.message).toBe('adapter never answered every case unsupported: no conv2d call at all');
  });

  it('the dot-product test and gradcheck pass an unsupported answer on: skipped, never an error', async () => {
    const noPool: Adapter = { name: 'no-pool', dtype: 'float64', avgPool2d: () => { throw new Unsupported('no average pool'); }, avgPool2dBackward: reference.avgPool2dBackward! };
    for (const id of ['avg-pool2d.backward-is-adjoint', 'avg-pool2d.gradcheck']) {
      const r = await checkProperty(noPool, catalogue.find((p) => p.id === id)!, run);
      expect([id, r.status, r.message]).toEqual([id, 'skipped', 'adapter no-pool answered every case unsupported: no average pool']);
    }
  });

  it('a golden fixture answered unsupported is skipped', async () => {
    const fixture = loadFixtures().find((f) => f.kind === 'forward' && f.op === 'conv2d')!;
    const r = await checkFixture(never, fixture);
    expect(r.status).toBe('skipped');
    expect(r.message).toMatch(/^adapter never answered unsupported: no conv2d call at all/);
  });

  it('from a worker thread (the error crosses by name)', async () => {
    const adapter = await isolateAdapter(join(import.meta.dirname, 'fixtures', 'unsupportedStrideAdapter.ts'));
    opened.push(adapter);
    expect((await checkProperty(adapter, definition, run)).status).toBe('passed');
  }, 30_000);

  it('from Python over stdio: {"unsupported": …} replies', async () => {
    const adapter = await isolateAdapter(`cmd:python3 ${join(import.meta.dirname, 'fixtures', 'unsupported_adapter.py')}`);
    opened.push(adapter);
    const r = await checkProperty(adapter, definition, run);
    expect(r.status).toBe('skipped');
    expect(r.message).toBe('adapter all-unsupported-py answered every case unsupported: this adapter implements no conv2d call');
  }, 30_000);

  it('the reference itself never answers unsupported', async () => {
    expect((await checkProperty(reference, definition, run)).status).toBe('passed');
  });
});
