/**
 * The TensorFlow.js adapter on hand-picked cases and the notes' golden fixtures (forward and VJPs against the
 * reference). Skipped, saying why, when @tensorflow/tfjs is not installed.
 */
import { describe, expect, it } from 'vitest';
import { checkFixture } from '../../src/golden/checkFixture.js';
import { loadFixtures } from '../../src/golden/loadFixtures.js';
import { invokeBackward } from '../../src/adapter/operatorCall.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { expectMatchesReference, forwardCases, loadRealAdapter } from './realAdapterCases.js';

const { adapter, reason } = await loadRealAdapter('../../src/adapters/tfjs/cpu.js', '@tensorflow/tfjs');

describe.skipIf(adapter === null)(`tfjs adapter${reason ? ` — skipped: ${reason}` : ''}`, () => {
  for (const [name, call] of Object.entries(forwardCases)) {
    it(`${name} matches the reference`, async () => expectMatchesReference(adapter!, call));
  }

  it('conv2d with stride and dilation both > 1 (tfjs refuses; the adapter subsamples a stride-1 result)', async () => {
    await expectMatchesReference(adapter!, { op: 'conv2d', inputs: { input: { shape: [1, 1, 7, 7], data: Array.from({ length: 49 }, (_, i) => i % 5) }, weight: { shape: [1, 1, 2, 2], data: [1, -2, 3, 0.5] }, bias: null }, options: { stride: 2, dilation: 2, padding: 1 } });
  });

  it('conv2dBackward equals the reference VJP (exact on small integers)', async () => {
    const call = { op: 'conv2d' as const, inputs: { input: { shape: [1, 2, 4, 4], data: Array.from({ length: 32 }, (_, i) => (i % 3) - 1) }, weight: { shape: [2, 1, 3, 3], data: Array.from({ length: 18 }, (_, i) => (i % 4) - 2) }, bias: { shape: [2], data: [1, 2] } }, options: { padding: 1, groups: 2 } };
    const g = { shape: [1, 2, 4, 4], data: Array.from({ length: 32 }, (_, i) => (i % 5) - 2) };
    const want = await invokeBackward(reference, call, g);
    const got = await invokeBackward(adapter!, call, g);
    for (const k of ['input', 'weight', 'bias']) expect(Array.from(got[k]!.data), k).toEqual(Array.from(want[k]!.data));
  });

  it('passes every golden fixture of the notes', async () => {
    for (const f of loadFixtures().filter((x) => x.id.startsWith('notes-'))) {
      const r = await checkFixture(adapter!, f);
      expect(r.status === 'passed' || r.status === 'skipped', `${f.id}: ${r.message ?? ''}`).toBe(true);
    }
  });

  it('writes nothing to stdout while computing', async () => {
    const write = process.stdout.write;
    let written = '';
    process.stdout.write = ((s: string) => ((written += s), true)) as typeof process.stdout.write;
    try {
      await adapter!.conv2d!({ shape: [1, 1, 2, 2], data: [1, 2, 3, 4] }, { shape: [1, 1, 1, 1], data: [2] }, null);
    } finally {
      process.stdout.write = write;
    }
    expect(written).toBe('');
  });
});
