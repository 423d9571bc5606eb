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

/**
 * `gradients`: tfjs's pooling and padding gradients; `convGradients`: its convolution gradients, which the wasm
 * backend cannot compute (no Conv2DBackpropFilter kernel in tfjs-backend-wasm 4.22: withoutMissingKernels.ts).
 */
const backends = [
  { spec: 'onnxruntime-web:wasm', pkg: 'onnxruntime-web', page: false, gradients: false, convGradients: false },
  { spec: 'page:onnxruntime-web:wasm', pkg: 'onnxruntime-web', page: true, gradients: false, convGradients: false },
  { spec: 'page:tfjs:wasm', pkg: '@tensorflow/tfjs-backend-wasm', page: true, gradients: true, convGradients: false },
  { spec: 'page:tfjs:webgl', pkg: '@tensorflow/tfjs-backend-webgl', page: true, gradients: true, convGradients: true },
  { spec: 'page:tfjs:webgpu', pkg: '@tensorflow/tfjs-backend-webgpu', page: true, gradients: true, convGradients: true },
];

/**
 * What each of these backends computes in here: float32 storage, float32 sums (measured in the page for WebGL
 * and WebGPU, 1 + 2⁻²⁰ read back exactly; known from the kernels for the wasm builds: the adapters' numerics.ts).
 */
const FLOAT32_DIRECT = { storage: 'float32', accumulate: 'float32' };

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
      expect(typeof adapter.maxPool2dBackward).toBe(b.gradients ? 'function' : 'undefined');
      expect(typeof adapter.conv2dBackward).toBe(b.convGradients ? 'function' : 'undefined');
    });
    it('declares its numerics for every operator it offers (through the worker or page handshake)', () => {
      const offered = Object.keys(adapter).filter((k) => typeof (adapter as unknown as Record<string, unknown>)[k] === 'function' && k !== 'close');
      expect(offered.length).toBeGreaterThan(0);
      expect(Object.keys(adapter.numerics ?? {}).sort()).toEqual(offered.sort());
      for (const op of offered) expect(adapter.numerics?.[op as keyof NonNullable<Adapter['numerics']>]).toEqual(FLOAT32_DIRECT);
    });
    it('answers the hand-picked forward cases like the reference', async () => {
      for (const [name, call] of Object.entries(forwardCases)) {
        await expectMatchesReference(adapter, call).catch((e: unknown) => { throw new Error(`${name}: ${(e as Error).message}`); });
      }
    });
  });
}
