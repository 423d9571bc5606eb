/**
 * Runs a JavaScript or TypeScript adapter module in a headless Chromium page (`--adapter page:<file>`,
 * `kit.protocol.page`): a third kind of channel beside the worker (../workerChannel.ts) and the child process
 * (../../stdio/childChannel.ts), driven by the same proxy (../channelAdapter.ts), so per-call timeouts, the
 * circuit breaker, crash recovery and reproductions are the same. Each channel is one page in its own browser
 * context; killing it closes that context (a page stuck in a loop included) and the next call opens a fresh
 * page in the same browser.
 *
 * Calls sent in the same turn of the event loop — the independent calls of a case, started together — go to
 * the page as one batch (one `evaluate`), and the page answers a batch in one message. What the page prints
 * (console messages, uncaught page errors) is kept like a worker's output, and named in the message of a
 * call that times out or a page that crashes.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import type { OperatorName } from '../../adapter/contract.js';
import { OPERATOR_NAMES } from '../../adapter/validateAdapter.js';
import type { AdapterChannel, ChannelListener, Handshake, OpenChannel, Reply } from '../adapterChannel.js';
import { AdapterLoadError } from '../isolationErrors.js';
import { OutputTail } from '../outputTail.js';
import { readWireError } from '../wireError.js';
import { describedHandshake } from '../workerChannel.js';
import type { AdapterDescription } from '../workerSource.js';
import { findChromium } from './findChromium.js';
import type { PageAsset } from './pageAssets.js';
import { buildPage, type PageFiles } from './pageBundle.js';
import { CALL_FUNCTION, REPLY_BINDING } from './pageHarness.js';
import { leaseBrowser, servePage } from './pageHost.js';
import { readPageWire, writePageWire } from './pageWire.js';

export interface PageChannelOptions {
  /** The export holding the adapter (default 'default'). */
  readonly exportName?: string;
  /** Chromium to start (`--browser-path`); else CONVKIT_CHROMIUM, else PATH (findChromium.ts). */
  readonly browserPath?: string | undefined;
  /** Files the page fetches besides the bundle (a backend's .wasm), served under /assets/ (pageAssets.ts). */
  readonly assets?: readonly PageAsset[];
  /** Called with each page opened, before it loads (tests crash one through the DevTools protocol). */
  readonly onPage?: (page: Page) => void;
}

const OUTPUT_LABEL = "the page's last console lines";

function consoleLine(message: ConsoleMessage): string {
  const type = message.type();
  return type === 'log' || type === 'info' ? message.text() : `console.${type}: ${message.text()}`;
}

/** Opens a channel to the adapter exported by the module at `modulePath` (a file path), in a page. */
export function pageChannel(modulePath: string, options: PageChannelOptions = {}): OpenChannel {
  const exportName = options.exportName ?? 'default';
  let files: Promise<PageFiles> | null = null;
  // The bundle is built once per adapter; a failed build is tried again by the next open.
  const bundle = () => (files ??= buildPage(modulePath, exportName, OPERATOR_NAMES, options.assets ?? []).catch((e: unknown) => { files = null; throw e; }));

  return (listener: ChannelListener): AdapterChannel => {
    const output = new OutputTail();
    let settleReady: { resolve: (h: Handshake) => void; reject: (e: Error) => void } | null = null;
    const ready = new Promise<Handshake>((resolve, reject) => { settleReady = { resolve, reject }; });
    let killed = false;
    let ended = false;
    let page: Page | null = null;
    let context: BrowserContext | null = null;
    let release: (() => Promise<void>) | null = null;
    let forget = () => undefined as unknown;
    const releaseOnce = () => { const r = release; release = null; return r?.(); };
    let batch: { id: number; op: OperatorName; args: readonly unknown[] }[] = [];

    const end = (reason: string) => {
      if (killed || ended) return;
      ended = true;
      const why = `${reason}${output.describe(OUTPUT_LABEL)}`;
      if (settleReady !== null) settleReady.reject(new AdapterLoadError(why));
      settleReady = null;
      listener.ended(why);
    };

    const receive = (text: string) => {
      let replies: ({ id: number } & Reply)[];
      try {
        replies = readPageWire(text) as ({ id: number } & Reply)[];
      } catch (e) {
        output.line(`unreadable answer from the page: ${(e as Error).message}`);
        return;
      }
      for (const reply of replies) {
        if (reply.id === 0 && settleReady !== null) {
          try {
            if ('error' in reply) throw new AdapterLoadError(readWireError(reply.error).message);
            settleReady.resolve(describedHandshake(reply.result as AdapterDescription, exportName));
          } catch (e) {
            settleReady.reject(e as Error);
          }
          settleReady = null;
        } else {
          listener.reply(reply.id, 'error' in reply ? { error: readWireError(reply.error) } : { result: reply.result });
        }
      }
    };

    const flush = () => {
      const calls = batch;
      batch = [];
      if (page === null || killed || ended) return;
      // A page that closes or crashes meanwhile is reported by its own event; the evaluate's rejection adds nothing.
      page.evaluate(([fn, text]) => (globalThis as unknown as Record<string, (t: string) => Promise<string>>)[fn]!(text), [CALL_FUNCTION, writePageWire(calls)] as const).then(receive, () => undefined);
    };

    const start = async () => {
      const executablePath = findChromium({ browserPath: options.browserPath });
      const { server, url } = await servePage(await bundle());
      const lease = await leaseBrowser(executablePath).catch((e: unknown) => { server.close(); throw e; });
      release = async () => { server.close(); await lease.release(); };
      if (killed) return releaseOnce();
      const opened = await lease.browser.newContext();
      if (killed) return opened.close();
      context = opened;
      page = await context.newPage();
      await page.exposeBinding(REPLY_BINDING, (_source, text: string) => receive(text));
      page.on('console', (m) => output.write(`${consoleLine(m)}\n`));
      page.on('pageerror', (e) => output.line(`uncaught in the page: ${e.name}: ${e.message}`));
      page.on('crash', () => end("the adapter's page crashed (its renderer process ended: out of memory, or a GPU process fault)"));
      page.on('close', () => end("the adapter's page closed by itself"));
      const exited = () => end('Chromium exited');
      lease.browser.on('disconnected', exited);
      forget = () => lease.browser.off('disconnected', exited);
      options.onPage?.(page);
      await page.goto(url, { waitUntil: 'commit' });
      // Leaving the page loses the harness (location.href = …, a reload): the channel has ended like a crash.
      const loaded = page;
      loaded.on('framenavigated', (frame) => { if (frame === loaded.mainFrame()) end(`the adapter's page navigated away (to ${frame.url()})`); });
    };
    start().catch((e: unknown) => {
      const error = e instanceof AdapterLoadError ? e : new AdapterLoadError(`the page could not be opened: ${(e as Error).message.split('\n')[0]}`);
      if (settleReady !== null) settleReady.reject(error);
      settleReady = null;
    });

    return {
      ready,
      send: (id, op, args) => {
        if (batch.length === 0) setImmediate(flush);
        batch.push({ id, op, args });
      },
      kill: async () => {
        killed = true;
        forget();
        const closing = context;
        context = null;
        page = null;
        // Closing the context ends the page's renderer, also one stuck in a synchronous loop.
        await closing?.close().catch(() => undefined);
        await releaseOnce();
      },
      // The browser and the server are ended by kill(); close() on the adapter does that (the CLI always does).
      setBusy: () => undefined,
      lastOutput: () => output.describe(OUTPUT_LABEL),
    };
  };
}
