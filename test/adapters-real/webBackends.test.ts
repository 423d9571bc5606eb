/**
 * The web backends (issue 12) on the hand-picked cases of realAdapterCases.ts: each built-in web adapter, loaded
 * as a user names it (`onnxruntime-web:wasm` in a Node worker, `page:…` in headless Chromium), answers every
 * forward case like the reference (values within `num.tolerance`, exact for padding and max pooling), and the
 * tfjs pages offer tfjs's gradients. Skipped, with the reason, without the package or Chromium; the WebGPU pages
 * also without a WebGPU adapter (they fail to load saying so).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { expectMatchesReference, forwardCases } from './realAdapterCases.js';

const root = join(import.meta.dirname, '..', '..');
const installed = (pkg: string) => existsSync(join(root, 'node_modules', pkg, 'package.json'));
const CHROMIUM = '/usr/bin/chromium';

const backends = [
  { spec: 'onnxruntime-web:wasm', pkg: 'onnxruntime-web', page: false, gradients: false },
  { spec: 'page:onnxruntime-web:wasm', pkg: 'onnxruntime-web', page: true, gradients: false },
  { spec: 'page:tfjs:wasm', pkg: '@tensorflow/tfjs-backend-wasm', page: true, gradients: true },
  { spec: 'page:tfjs:webgl', pkg: '@tensorflow/tfjs-backend-webgl', page: true, gradients: true },
  { spec: 'page:tfjs:webgpu', pkg: '@tensorflow/tfjs-backend-webgpu', page: true, gradients: true },
];

const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

for (const b of backends) {
  const missing = !installed(b.pkg) ? `${b.pkg} is not installed` : b.page && !existsSync(CHROMIUM) ? `no ${CHROMIUM} (apt-get install -y chromium)` : '';
  describe.skipIf(missing !== '')(`${b.spec}${missing ? ` — skipped: ${missing}` : ''}`, { timeout: 180_000 }, () => {
    let adapter: Adapter;
    it('loads, float32, with the features tfjs or ONNX lack declared', async () => {
      adapter = await isolateAdapter(b.spec, { timeoutMs: 60_000 });
      opened.push(adapter);
      expect(adapter.dtype).toBe('float32');
      // Both libraries lack a divisor override (tf.avgPool, ONNX AveragePool).
      expect(adapter.supports?.features?.['avgPool2d.divisorOverride']).toBe(false);
      expect(typeof adapter.conv2dBackward).toBe(b.gradients ? 'function' : 'undefined');
    });
    it('answers the hand-picked forward cases like the reference', async () => {
      for (const [name, call] of Object.entries(forwardCases)) {
        await expectMatchesReference(adapter, call).catch((e: unknown) => { throw new Error(`${name}: ${(e as Error).message}`); });
      }
    });
  });
}
