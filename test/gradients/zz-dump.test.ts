import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { conv2dCall, convTranspose2dCall, pad2dCall, maxPool2dCall, avgPool2dCall } from './gradCallArbitraries.js';
import { gradCalls } from './backward-vs-pytorch.test.js';
it('dump', async () => {
  for (const [op, arb] of [['conv2d', conv2dCall], ['convT', convTranspose2dCall], ['pad', pad2dCall], ['max', fc.oneof(maxPool2dCall('ties'), maxPool2dCall('grid'))], ['avg', avgPool2dCall]] as const) {
    const calls = await gradCalls(arb, 20261124);
    const enc = (v: number) => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');
    writeFileSync(`/tmp/grad-${op}.json`, JSON.stringify(calls, (_k, v: unknown) => (ArrayBuffer.isView(v) || (Array.isArray(v) && v.some((e) => typeof e === 'number' && !Number.isFinite(e))) ? Array.from(v as ArrayLike<number>, enc) : v)));
  }
});
