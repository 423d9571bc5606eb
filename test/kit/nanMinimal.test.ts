/**
 * NaN counterexamples are minimal: a value that is NaN or ±∞ but not needed for the failure shrinks to an
 * ordinary value (the specials cross-shrink towards float32Value), so a counterexample carries one non-finite
 * value where one suffices — not a 2×2×2×3 tensor with three NaNs.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter, TensorData } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { catalogue } from '../../properties/catalogue.js';
import nanIgnoring from './fixtures/nanIgnoringMaxPool.js';

const nonFinite = (t: TensorData) => Array.from(t.data).filter((v) => !Number.isFinite(v)).length;

/** A conv2d that reads NaN inputs as 0, as a kernel that skips "missing" values would. */
const nanAsZeroConv: Adapter = {
  name: 'nan-as-zero-conv',
  dtype: 'float64',
  conv2d: (x, w, b, o) => reference.conv2d!({ shape: x.shape, data: Array.from(x.data, (v) => (Number.isNaN(v) ? 0 : v)) }, w, b, o),
};

describe('NaN counterexamples shrink to one non-finite value', () => {
  for (const [adapter, id] of [[nanIgnoring, 'max-pool2d.nan-and-infinity'], [nanAsZeroConv, 'conv2d.nan-propagation']] as const) {
    it(`${id} on ${adapter.name}`, async () => {
      for (const seed of [1, 2, 3]) {
        const r = await checkProperty(adapter, catalogue.find((p) => p.id === id)!, { seed, runs: 100 });
        expect(r.status, `${id} seed ${seed}`).toBe('failed');
        const input = (r.counterexample as { input: TensorData }).input;
        expect(nonFinite(input), `seed ${seed}: ${JSON.stringify(Array.from(input.data))}`).toBe(1);
      }
    }, 60_000);
  }
});
