/**
 * README's page-adapter example (examples/webgpu-conv2d-adapter.ts): a hand-written WGSL compute-shader conv2d
 * that runs in headless Chromium's WebGPU (a SwiftShader adapter on this CPU-only machine) behind the page
 * channel, and passes conv2d's definition, NaN propagation (with Inf weights over zero padding) and error
 * checks as a float32 implementation. Skipped, with the reason, without /usr/bin/chromium or without a WebGPU
 * adapter in it — never counted as passed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { channelAdapter } from '../../src/isolation/channelAdapter.js';
import { pageChannel } from '../../src/isolation/page/pageChannel.js';
import { runConformance } from '../../src/kit/runConformance.js';

const CHROMIUM = '/usr/bin/chromium';
const example = join(import.meta.dirname, '..', '..', 'examples', 'webgpu-conv2d-adapter.ts');
let adapter: Adapter | undefined;
afterAll(() => adapter?.close?.());

describe.skipIf(!existsSync(CHROMIUM))(`WebGPU example adapter in the page (skipped without ${CHROMIUM}: apt-get install -y chromium)`, { timeout: 180_000 }, () => {
  it('answers a hand-worked case exactly: 2 channels, stride 2, padding 1, bias', async (ctx) => {
    adapter = await channelAdapter(pageChannel(example, { browserPath: CHROMIUM }), { timeoutMs: 60_000 });
    // Worked by hand: input channel 0 is 1…4 (2×2), channel 1 is all 10; a 1×1 kernel [1, 0.5], bias 0.25; with
    // padding 1 and stride 2 the 4×4 padded plane is sampled at rows/cols 0 and 2: (0,0) is padding → 0.25,
    // (0,2) → padding row → 0.25, (2,0) → padding col → 0.25, (2,2) → x[1][1] = 4 + 0.5·10 + 0.25 = 9.25.
    const input = { shape: [1, 2, 2, 2], data: new Float64Array([1, 2, 3, 4, 10, 10, 10, 10]) };
    const weight = { shape: [1, 2, 1, 1], data: new Float64Array([1, 0.5]) };
    const bias = { shape: [1], data: new Float64Array([0.25]) };
    let answer;
    try {
      answer = await adapter.conv2d!(input, weight, bias, { stride: 2, padding: 1 });
    } catch (e) {
      if (/requestAdapter\(\) returned null|navigator\.gpu is undefined/.test(String(e))) return ctx.skip(`no WebGPU adapter in this Chromium: ${String(e)}`);
      throw e;
    }
    expect(answer.shape).toEqual([1, 1, 2, 2]);
    expect([...answer.data]).toEqual([0.25, 0.25, 0.25, 9.25]);
  });

  it('passes conv2d.definition, conv2d.nan-propagation and the invalid-configuration check through convkit', async (ctx) => {
    if (!adapter) return ctx.skip('the first test found no WebGPU adapter');
    const report = await runConformance(adapter, { only: /^conv2d\.(definition|nan-propagation|invalid-configurations-rejected)$/, runs: 25 });
    expect(report.dtype).toBe('float32');
    expect(report.checks.map((c) => [c.id, c.status, c.message ?? '']).sort()).toEqual([
      ['conv2d.definition', 'passed', ''],
      ['conv2d.nan-propagation', 'passed', ''],
      ['conv2d.invalid-configurations-rejected', 'passed', ''],
    ].sort());
  });
});
