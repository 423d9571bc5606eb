/**
 * Adapters in any language over the stdio protocol (spec/adapter-protocol.md): the Python example passes the
 * checks it supports and is skipped on the rest; values cross the protocol exactly; a crash, a hang or a typed
 * error in the child is reported and the child is respawned; responses are matched by id, in any order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { ConvkitError } from '../../src/errors/convkitError.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { AdapterTimeoutError } from '../../src/isolation/isolationErrors.js';
import { runConformance } from '../../src/kit/runConformance.js';

const PYTHON = '/usr/bin/python3';
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));
async function open(command: string, timeoutMs = 10_000): Promise<Adapter> {
  const adapter = await isolateAdapter(`cmd:${command}`, { timeoutMs });
  opened.push(adapter);
  return adapter;
}

const x = { shape: [2, 3], data: new Float64Array([1, 2, 3, 4, 5, 6]) };
const k = { shape: [1, 2], data: new Float64Array([1, -1]) };

describe('the Python example adapter', () => {
  it('passes the corr2d, conv2d and maxPool2d checks it supports; the rest are skipped', async () => {
    const adapter = await open(`${PYTHON} python/examples/reference_adapter.py`);
    expect(adapter.name).toBe('python-reference-example');
    expect(adapter.pad2d).toBeUndefined();
    const report = await runConformance(adapter, { runs: 10 });
    const bad = report.checks.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => `${c.id}: ${c.message}`);
    expect(bad).toEqual([]);
    const passed = report.checks.filter((c) => c.status === 'passed').map((c) => c.id);
    expect(passed).toEqual(expect.arrayContaining(['corr2d.definition', 'conv2d.definition', 'conv2d.groups-are-stacked-convolutions', 'max-pool2d.definition', 'max-pool2d.nan-and-infinity']));
    const skipped = report.checks.filter((c) => c.status === 'skipped');
    expect(skipped.map((c) => c.id)).toContain('conv2d.same-padding-convention');
    expect(skipped.every((c) => /does not implement|declares .* unsupported/.test(c.message ?? ''))).toBe(true);
  });
});

describe('the protocol', () => {
  it('round-trips NaN, ±Infinity, −0 and subnormals exactly through a Python adapter', async () => {
    const echo = await open(`${PYTHON} test/stdio/fixtures/echo_adapter.py`);
    const values = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e-310, 5e-324, 0.1, 1 / 3, -Number.MAX_VALUE, 2 ** 53 + 2, Math.PI * 1e300];
    const back = await echo.corr2d!({ shape: [3, 4], data: Float64Array.from(values) }, k);
    expect(back.shape).toEqual([3, 4]);
    expect(back.data).toBeInstanceOf(Float64Array);
    expect(Array.from(back.data).every((v, i) => Object.is(v, values[i]))).toBe(true);
  });

  it('a child that crashes mid-run is an error row naming its exit code and output, and is respawned', async () => {
    const adapter = await open(`${PYTHON} test/stdio/fixtures/misbehaving_adapter.py crash`);
    const report = await runConformance(adapter, { only: 'conv2d.definition', runs: 5 });
    const [check] = report.checks;
    expect(check?.status).toBe('error');
    expect(check?.message).toMatch(/process exited with code 7/);
    expect(check?.message).toMatch(/Fatal: simulated segfault in conv kernel/);
    expect(check?.message).toMatch(/not protocol: about to crash/);
    expect([...(await adapter.corr2d!(x, k)).data]).toEqual([-1, -1, -1, -1]);
  });

  it('a child that hangs is killed after the time limit and respawned', async () => {
    const adapter = await open(`${PYTHON} test/stdio/fixtures/misbehaving_adapter.py hang`, 300);
    const one = { shape: [1, 1, 1, 1], data: [1] };
    await expect(adapter.conv2d!(one, one, null)).rejects.toBeInstanceOf(AdapterTimeoutError);
    expect([...(await adapter.corr2d!(x, k)).data]).toEqual([-1, -1, -1, -1]);
  });

  it('an error with a clause comes back as a ConvkitError', async () => {
    const adapter = await open(`${PYTHON} test/stdio/fixtures/misbehaving_adapter.py raise`);
    const one = { shape: [1, 1, 1, 1], data: [1] };
    const error = await Promise.resolve(adapter.conv2d!(one, one, null, { stride: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvkitError);
    expect(error).toMatchObject({ name: 'AdapterError', clause: 'conv.stride', code: 'E_INTEGER', argument: 'opts.stride', op: 'conv2d' });
  });

  it('matches responses to requests by id when they come out of order (any language: here plain Node)', async () => {
    const adapter = await open(`${process.execPath} test/stdio/fixtures/reverseOrderAdapter.mjs`);
    const [a, b] = await Promise.all([adapter.corr2d!({ shape: [1], data: [1] }, k), adapter.corr2d!({ shape: [1], data: [5] }, k)]);
    expect([a.data[0], b.data[0]]).toEqual([2, 10]);
  });

  it('a command that is not an adapter is a load error with its output', async () => {
    await expect(isolateAdapter(`cmd:${PYTHON} -c "import sys; print('hello?'); sys.exit(4)"`)).rejects.toThrow(/exited with code 4[\s\S]*hello\?/);
  });
});
