/**
 * The page channel (`--adapter page:<module>`, spec/adapter-protocol.md `kit.protocol.page`): an adapter module
 * runs in a headless Chromium page behind the same proxy as a worker — calls answer exactly, a hung page is
 * replaced, a crashed page costs its pending call, the circuit breaker cuts a timed-out operator off, console
 * lines and page errors reach the message of the call that caused them, and a missing Chromium says what to
 * install. One Chromium for the whole file (the channel shares one per executable). Skipped, with the reason,
 * where /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { loadAdapter, UsageError } from '../../src/cli/loadAdapter.js';
import { channelAdapter } from '../../src/isolation/channelAdapter.js';
import { isolateAdapter } from '../../src/isolation/isolateAdapter.js';
import { AdapterCrashError, AdapterLoadError, AdapterTimeoutError, OperatorCutOffError } from '../../src/isolation/isolationErrors.js';
import { findChromium } from '../../src/isolation/page/findChromium.js';
import { pageChannel, type PageChannelOptions } from '../../src/isolation/page/pageChannel.js';
import { leaseBrowser } from '../../src/isolation/page/pageHost.js';
import { formatReproduction } from '../../src/kit/report/formatReproduction.js';
import { failureCall } from '../../src/kit/report/failureCall.js';
import { runConformance } from '../../src/kit/runConformance.js';

const CHROMIUM = '/usr/bin/chromium';
const fixtures = join(import.meta.dirname, 'fixtures');
const adapters = join(fixtures, 'pageAdapters.js');
/** The limit for the calls that are meant to hang; the others get LOADED_MS, so a busy machine passes too. */
const TIMEOUT_MS = 1500;
const LOADED_MS = 20_000;
const opened: Adapter[] = [];
afterAll(() => Promise.all(opened.map((a) => a.close?.())));

async function open(exportName: string, options: Omit<PageChannelOptions, 'exportName'> = {}, timeoutMs = LOADED_MS): Promise<Adapter> {
  const adapter = await channelAdapter(pageChannel(adapters, { exportName, browserPath: CHROMIUM, ...options }), { timeoutMs });
  opened.push(adapter);
  return adapter;
}

// Worked by hand: valid cross-correlation of [[1,2,NaN],[-0,5,6]] with [[1,-1]] is [[1-2, 2-NaN], [-0-5, 5-6]].
const x = { shape: [2, 3], data: new Float64Array([1, 2, Number.NaN, -0, 5, 6]) };
const k = { shape: [1, 2], data: new Float64Array([1, -1]) };
const expected = [-1, Number.NaN, -5, -1];
const one = { shape: [1, 1, 1, 1], data: new Float64Array([1]) };

describe.skipIf(!existsSync(CHROMIUM))(`page channel (skipped without ${CHROMIUM}: apt-get install -y chromium)`, { timeout: 60_000 }, () => {
  it('runs the module in a browser page and answers exactly (NaN and −0 cross; a batch of calls answers each)', async () => {
    const info = await open('browserInfo');
    expect(info.name).toBe('browser-info');
    // [window exists, WebGL 2 context, WebGPU adapter]: the switches give both APIs on SwiftShader.
    expect([...(await info.conv2d!(one, one, null)).data]).toEqual([1, 1, 1]);
    const answer = await info.corr2d!(x, k);
    expect(answer.shape).toEqual([2, 2]);
    expect([...answer.data]).toEqual(expected);
    const talking = await open('talking');
    const echoed = await talking.conv2d!(x, k, null);
    expect(Object.is(echoed.data[3], -0)).toBe(true);
    const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => talking.corr2d!({ shape: [1, 2], data: new Float64Array([i, 0]) }, { shape: [1, 1], data: new Float64Array([2]) })));
    expect(batch.map((r) => [...r.data])).toEqual(Array.from({ length: 20 }, (_, i) => [2 * i, 0]));
  });

  it('passes a real conformance check in the page; a failing one gets an HTML reproduction that shows the failure when opened', async () => {
    const talking = await open('talking');
    const report = await runConformance(talking, { only: /^(corr2d|conv2d)\.definition$/, runs: 5 });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['corr2d.definition', 'passed'], ['conv2d.definition', 'failed']]);
    const failed = report.checks[1]!;
    const html = formatReproduction(failed, `page:${adapters}`)!;
    expect(html).toMatch(/^<!doctype html>[\s\S]*npx esbuild .*pageAdapters\.js --bundle --format=esm --outfile=adapter\.js[\s\S]*import adapter from '\.\/adapter\.js';[\s\S]*await adapter\.conv2d\(input, /);
    // Opened as its instructions say: the adapter bundled beside it, the folder served, the page loaded.
    const dir = mkdtempSync(join(tmpdir(), 'convkit-page-repro-'));
    const { build } = await import('esbuild');
    await build({ entryPoints: [adapters], bundle: true, format: 'esm', outfile: join(dir, 'adapter.js'), logLevel: 'silent' });
    writeFileSync(join(dir, 'repro.html'), html);
    const server = createServer((q, r) => {
      const file = join(dir, new URL(q.url!, 'http://x').pathname);
      if (!existsSync(file)) return void r.writeHead(404).end();
      r.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const lease = await leaseBrowser(CHROMIUM);
    try {
      const page = await lease.browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/repro.html`);
      await page.waitForFunction(() => document.getElementById('out')!.textContent !== '');
      const shown = await page.textContent('#out');
      // The echoing conv2d answers the input's own shape: the page shows that wrong shape, not the expected one.
      const inputShape = failureCall(failed)!.args.find((a) => a.name === 'input')!.value as { shape: number[] };
      expect(shown).toContain(`[${inputShape.shape.join(', ')}]`);
      await page.close();
    } finally {
      await lease.release();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a page stuck in a loop is replaced: the call times out with its console line, the breaker cuts conv2d off, corr2d answers again', async () => {
    const looping = await open('looping', {}, TIMEOUT_MS);
    const error = await Promise.resolve(looping.conv2d!(one, one, null)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterTimeoutError);
    expect((error as Error).message).toMatch(/conv2d did not answer within 1500 ms[\s\S]*the page's last console lines:\n +about to loop/);
    const started = Date.now();
    await expect(looping.conv2d!(one, one, null)).rejects.toBeInstanceOf(OperatorCutOffError);
    expect(Date.now() - started).toBeLessThan(500);
    expect([...(await looping.corr2d!(x, k)).data]).toEqual(expected);
  });

  it('an uncaught page error is named in the message of the call it stranded', async () => {
    const uncaught = await open('uncaught', {}, TIMEOUT_MS);
    await expect(uncaught.conv2d!(one, one, null)).rejects.toThrow(/did not answer[\s\S]*uncaught in the page: Error: lost in a timer/);
  });

  it('a thrown error comes back with its name and message; the page keeps answering', async () => {
    const throwing = await open('throwing');
    await expect(throwing.conv2d!(one, one, null)).rejects.toMatchObject({ name: 'RangeError', message: 'shader compilation failed: kernel too large' });
    expect([...(await throwing.corr2d!(x, k)).data]).toEqual(expected);
  });

  it('a crashed renderer or a page that navigates away fails the pending call as a crash; the next call gets a fresh page', async () => {
    const pages: Page[] = [];
    const waiting = await open('waiting', { onPage: (p) => pages.push(p) });
    const pending = Promise.resolve(waiting.conv2d!(one, one, null)).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const cdp = await pages[0]!.context().newCDPSession(pages[0]!);
    void cdp.send('Page.crash').catch(() => undefined);
    const crash = await pending;
    expect(crash).toBeInstanceOf(AdapterCrashError);
    expect((crash as Error).message).toMatch(/conv2d did not complete: the adapter's page crashed/);
    expect([...(await waiting.corr2d!(x, k)).data]).toEqual(expected);
    expect(pages).toHaveLength(2);

    const navigating = await open('navigating');
    await expect(navigating.conv2d!(one, one, null)).rejects.toThrow(/conv2d did not complete: the adapter's page navigated away \(to about:blank\)/);
    expect([...(await navigating.corr2d!(x, k)).data]).toEqual(expected);
  });

  it('load errors: a module without the export, one esbuild cannot parse (file and line), a missing file', async () => {
    await expect(isolateAdapter(`page:${join(fixtures, 'noDefault.js')}`, { browserPath: CHROMIUM })).rejects.toThrow(/^the module has no default export/);
    const syntax = loadAdapter(`page:${join(fixtures, 'syntaxError.js')}`, { browserPath: CHROMIUM });
    await expect(syntax).rejects.toBeInstanceOf(UsageError);
    await expect(syntax).rejects.toThrow(/could not be bundled for the page: .*\(at .*syntaxError\.js:2:\d+: export default/);
    await expect(isolateAdapter('page:no/such/adapter.js')).rejects.toThrow(/no such file .* for the page adapter/);
  });
});

describe('finding Chromium', () => {
  it('a missing Chromium says what to install; --browser-path and CONVKIT_CHROMIUM win over PATH', async () => {
    expect(() => findChromium({ env: { PATH: '/nonexistent' } })).toThrow(/needs Chromium, and none was found .*install it with apt-get install -y chromium/);
    expect(() => findChromium({ env: { PATH: '', CONVKIT_CHROMIUM: '/no/chromium' } })).toThrow(/CONVKIT_CHROMIUM is "\/no\/chromium", which is not an executable file.*apt-get install -y chromium/);
    expect(() => findChromium({ browserPath: fixtures, env: {} })).toThrow(/--browser-path is .*not an executable file/);
    expect(findChromium({ browserPath: process.execPath, env: { CONVKIT_CHROMIUM: '/no/chromium' } })).toBe(process.execPath);
    if (existsSync(CHROMIUM)) expect(findChromium({ env: { PATH: '/usr/bin' } })).toBe(CHROMIUM);
    await expect(loadAdapter(`page:${adapters}`, { browserPath: '/no/chromium' })).rejects.toThrow(/^--adapter page:.*--browser-path is "\/no\/chromium".*apt-get install -y chromium/);
  });
});
