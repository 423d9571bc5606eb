/**
 * Exact mode (spec/numerics.md, `num.exact-integers`): a float32 direct adapter one ulp off passes the γ bound of
 * conv2d.definition and is caught by conv2d.exact-integers; honest direct, Winograd and reduced-precision adapters pass.
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/kit/runConformance.js';
import { WINOGRAD_F4_3 } from '../../../src/check/winogradTransforms.js';
import { directConv2d, oneUlpOff, precisionAdapter } from './precisionAdapter.js';
import { winogradAdapter } from './winogradAdapter.js';
import type { Adapter } from '../../../src/adapter/contract.js';

const statusOf = async (adapter: Adapter, id: string) => (await runConformance(adapter, { only: id })).checks.find((c) => c.id === id)?.status;

describe('conv2d.exact-integers', () => {
  const ulpOff: Adapter = { name: 'one-ulp-off', dtype: 'float32', conv2d: oneUlpOff(directConv2d({ storage: 'float32', accumulate: 'float32' })) };

  it('a one-ulp error passes conv2d.definition (γ lets it through) and fails conv2d.exact-integers', async () => {
    expect(await statusOf(ulpOff, 'conv2d.definition')).toBe('passed');
    expect(await statusOf(ulpOff, 'conv2d.exact-integers')).toBe('failed');
  });

  it('honest adapters pass: float32 direct, float16 storage with float32 sums, Winograd F(4, 3) within its bound', async () => {
    const direct = precisionAdapter('float32-direct', 'float32', { storage: 'float32', accumulate: 'float32' }, undefined);
    const half = precisionAdapter('float16-storage', 'float32', { storage: 'float16', accumulate: 'float32' }, { storage: 'float16', accumulate: 'float32' });
    const wino = winogradAdapter('winograd-f4', WINOGRAD_F4_3, { algorithm: 'winograd', winogradTile: 4 });
    for (const a of [direct, half, wino]) expect(await statusOf(a, 'conv2d.exact-integers'), a.name).toBe('passed');
  }, 60_000);
});
