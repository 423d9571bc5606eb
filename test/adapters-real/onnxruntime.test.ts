/**
 * The ONNX Runtime adapters (float32, and float64 for Pad and MaxPool) on hand-picked cases and the notes'
 * golden fixtures. Skipped, saying why, when onnxruntime-node is not installed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkFixture } from '../../src/golden/checkFixture.js';
import { loadFixtures } from '../../src/golden/loadFixtures.js';
import { expectMatchesReference, forwardCases, loadRealAdapter } from './realAdapterCases.js';

const { adapter, reason } = await loadRealAdapter('../../src/adapters/onnxruntime/node.js', 'onnxruntime-node');
const float64 = adapter ? (await loadRealAdapter('../../src/adapters/onnxruntime/float64.js', 'onnxruntime-node')).adapter : null;

describe.skipIf(adapter === null)(`onnxruntime adapter${reason ? ` — skipped: ${reason}` : ''}`, () => {
  afterAll(async () => {
    await adapter?.close?.();
    await float64?.close?.();
  });

  for (const [name, call] of Object.entries(forwardCases)) {
    it(`${name} matches the reference`, async () => expectMatchesReference(adapter!, call));
  }

  it('float64: Pad and MaxPool run in double, the rest is absent', async () => {
    expect(float64!.dtype).toBe('float64');
    expect(float64!.conv2d).toBeUndefined();
    await expectMatchesReference(float64!, forwardCases['pad2d reflect']!);
    await expectMatchesReference(float64!, { op: 'maxPool2d', inputs: { input: { shape: [1, 1, 3, 3], data: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] } }, options: { kernelSize: 2, stride: 1 } });
  });

  it('refuses an invalid call (stride 0) instead of answering', async () => {
    await expect(Promise.resolve().then(() => adapter!.conv2d!({ shape: [1, 1, 3, 3], data: new Array(9).fill(1) }, { shape: [1, 1, 2, 2], data: [1, 1, 1, 1] }, null, { stride: 0 }))).rejects.toThrow();
  });

  it('passes every golden fixture of the notes', async () => {
    for (const f of loadFixtures().filter((x) => x.id.startsWith('notes-'))) {
      const r = await checkFixture(adapter!, f);
      expect(r.status === 'passed' || r.status === 'skipped', `${f.id}: ${r.message ?? ''}`).toBe(true);
    }
  });
});
