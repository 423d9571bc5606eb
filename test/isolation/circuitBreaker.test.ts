/**
 * The circuit breaker (`kit.protocol.breaker`, issue 14): after an operator times out, later calls to it fail at
 * once, so a run pays at most one full timeout per operator and says which operators were cut off. Timeout
 * messages show the adapter's last stray output; a handshake timeout says what it is.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { isolationStatus } from '../../src/isolation/channelAdapter.js';
import { runConformance } from '../../src/kit/runConformance.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const TIMEOUT_MS = 300;
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

describe('a hung operator costs one timeout per run', () => {
  it('every conv2d property after the first timeout ends at once, naming the breaker; corr2d still answers', async () => {
    const adapter = await isolateAdapter(fixture('hangingAdapter.js'), { timeoutMs: TIMEOUT_MS });
    opened.push(adapter);
    const report = await runConformance(adapter, { only: /^conv2d\./, runs: 5, fixtures: [] });
    const ran = report.checks.filter((c) => c.status !== 'skipped');
    expect(ran.length).toBeGreaterThan(10);
    // Without the breaker every property waits the full limit and says so.
    const timedOut = ran.filter((c) => /did not answer within 300 ms/.test(c.message ?? ''));
    expect(timedOut).toHaveLength(1);
    for (const c of ran.filter((x) => x !== timedOut[0])) {
      expect(c.status).toBe('error');
      expect(c.message, c.id).toMatch(/timed out: conv2d timed out earlier in this run \(after 300 ms\), so later calls to it fail at once/);
    }
    expect(report.cutOff).toEqual(['conv2d']);
    expect(isolationStatus(adapter)).toMatchObject({ cutOff: ['conv2d'] });
    const x = { shape: [2, 2], data: new Float64Array([1, 2, 3, 4]) };
    expect([...(await adapter.corr2d!(x, x)).data]).toEqual([30]);
  });

  it('a timeout shows the stray stdout lines the runner kept', async () => {
    const adapter = await isolateAdapter(`cmd:${process.execPath} ${fixture('strayThenHang.mjs')}`, { timeoutMs: TIMEOUT_MS });
    opened.push(adapter);
    const input = { shape: [1, 1, 1, 1], data: [1] };
    const error = (await Promise.resolve(adapter.conv2d!(input, input, null)).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/conv2d did not answer within 300 ms.*; its last non-protocol stdout lines:\n +NaN\n +%%garbage%%\n +\{"id":99999,"result":null\} §kit\.protocol\.timeout$/s);
  });

  it('a handshake timeout says the adapter could not be started, with its output, and does not promise a restart', async () => {
    const error = (await isolateAdapter(`cmd:${process.execPath} ${fixture('strayThenHang.mjs')} mute`, { startTimeoutMs: 1500 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^the adapter did not answer the handshake within 1500 ms \(it may still be loading, or it does not speak the protocol\); it was stopped; its last stderr lines:\n +loading a very large model\.\.\. §kit\.protocol\.timeout$/);
    expect(error.message).not.toMatch(/restarts on the next call/);
  });
});
