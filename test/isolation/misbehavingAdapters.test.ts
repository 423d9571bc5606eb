/**
 * Adapters that hang, loop, exit, crash, throw or answer garbage do not take the runner down: run isolated,
 * each check ends as 'error' (or 'failed') with a message naming what happened, and the same proxy answers
 * the next call after a restart (spec/adapter-protocol.md `kit.protocol.timeout`, `kit.protocol.crash`,
 * `kit.protocol.errors`).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { ConvkitError } from '../../src/errors/convkitError.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { AdapterCrashError, AdapterLoadError, AdapterTimeoutError } from '../../src/isolation/isolationErrors.js';
import { loadAdapter, UsageError } from '../../src/cli/loadAdapter.js';
import { runConformance } from '../../src/kit/runConformance.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const TIMEOUT_MS = 300;
/** The limit for adapters that are not meant to hang: long, so a busy machine does not turn a throw into a timeout. */
const LOADED_MS = 20_000;
const HANGS = new Set(['hangingAdapter.js', 'loopingAdapter.js']);
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

async function open(name: string): Promise<Adapter> {
  const adapter = await isolateAdapter(fixture(name), { timeoutMs: HANGS.has(name) ? TIMEOUT_MS : LOADED_MS });
  opened.push(adapter);
  return adapter;
}

const x = { shape: [2, 3], data: new Float64Array([1, 2, 3, 4, 5, 6]) };
const k = { shape: [1, 2], data: new Float64Array([1, -1]) };

const cases: [file: string, statuses: string[], message: RegExp][] = [
  ['hangingAdapter.js', ['error'], /timed out.*conv2d (did not answer within 300 ms|timed out earlier in this run \(after 300 ms\))/],
  ['loopingAdapter.js', ['error'], /timed out.*conv2d (did not answer within 300 ms|timed out earlier in this run \(after 300 ms\))/],
  ['exitingAdapter.js', ['error'], /crashed.*worker exited with code 3; its last output lines:\n +out of device memory/],
  ['crashingAdapter.js', ['error'], /crashed.*exited with code 1 after an uncaught Error: uncaught in a timer/],
  ['throwingAdapter.js', ['error'], /RangeError: kernel cache exhausted/],
  ['garbageAdapter.js', ['error', 'failed'], /result(\.shape)?=.*§err\.adapter-result/],
];

describe('misbehaving adapters end as error rows; the run completes and the proxy restarts', () => {
  it.concurrent.for(cases)('%s', async ([file, statuses, message], { expect }) => {
    const adapter = await open(file);
    const report = await runConformance(adapter, { only: /^conv2d\.(definition|linear-in-input)$/, runs: 5 });
    expect(report.checks.map((c) => c.id)).toEqual(['conv2d.definition', 'conv2d.linear-in-input']);
    for (const check of report.checks) {
      expect(statuses, `${check.id}: ${check.message}`).toContain(check.status);
      expect(check.message).toMatch(message);
    }
    // The same proxy answers again (after a restart where the adapter was stopped).
    const answer = await adapter.corr2d!(x, k);
    expect(answer.shape).toEqual([2, 2]);
    expect([...answer.data]).toEqual([-1, -1, -1, -1]);
  });

  it('a timeout and a crash reject with typed errors naming the operator', async () => {
    const hanging = await open('hangingAdapter.js');
    const input = { shape: [1, 1, 1, 1], data: [1] };
    await expect(hanging.conv2d!(input, input, null)).rejects.toBeInstanceOf(AdapterTimeoutError);
    await expect(hanging.conv2d!(input, input, null)).rejects.toMatchObject({ op: 'conv2d', timeoutMs: TIMEOUT_MS });
    const exiting = await open('exitingAdapter.js');
    await expect(exiting.conv2d!(input, input, null)).rejects.toBeInstanceOf(AdapterCrashError);
  });
});

describe('loading and the handshake', () => {
  it('a TypeScript module loads through tsx; a thrown ConvkitError keeps its code, clause, argument and op', async () => {
    const adapter = await open('convkitErrorAdapter.ts');
    expect(adapter.name).toBe('typed-errors');
    expect(adapter.supports).toEqual({ features: { 'conv2d.groups': false } });
    expect(adapter.pad2d).toBeUndefined();
    const input = { shape: [1, 1, 2, 2], data: [1, 2, 3, 4] };
    const error = await Promise.resolve(adapter.conv2d!(input, input, null, { stride: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvkitError);
    expect(error).toMatchObject({ code: 'E_INTEGER', clause: 'conv.stride', argument: 'opts.stride', op: 'conv2d' });
    expect((error as Error).message).toBe('conv2d: opts.stride=[0,"NaN"] must be a positive integer §conv.stride');
    const report = await runConformance(adapter, { only: /^conv2d\.groups|^corr2d\.definition$/, runs: 3 });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['corr2d.definition', 'passed'], ['conv2d.groups-are-stacked-convolutions', 'skipped']]);
  });

  it('a module without a default export, or one that breaks the contract, is a clear load error', async () => {
    await expect(isolateAdapter(fixture('noDefaultExport.js'))).rejects.toThrow(AdapterLoadError);
    await expect(loadAdapter(fixture('noDefaultExport.js'))).rejects.toThrow(/^--adapter .*: the module has no default export/);
    const contract = loadAdapter(fixture('badContract.ts'));
    await expect(contract).rejects.toBeInstanceOf(UsageError);
    await expect(contract).rejects.toThrow(/does not satisfy the adapter contract[\s\S]*name must be[\s\S]*dtype must be[\s\S]*conv2d must be a function/);
    await expect(loadAdapter('no/such/adapter.ts')).rejects.toThrow(/no such file/);
  });

  it('close() stops the worker; later calls reject', async () => {
    const adapter = await isolateAdapter(fixture('throwingAdapter.js'));
    await adapter.close!();
    await expect(adapter.corr2d!(x, k)).rejects.toThrow(/closed/);
  });
});
