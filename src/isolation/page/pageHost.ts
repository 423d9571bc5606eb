/**
 * What a page adapter's page needs from the machine: a loopback HTTP server that serves its page, bundle and assets
 * (on an ephemeral port of 127.0.0.1 — a secure context, so WebGPU is offered), and a headless Chromium.
 * One Chromium per executable is shared by every page of the process, opened with the first and closed after
 * the last, so replacing a hung or crashed page costs a page, not a browser.
 */
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { AdapterLoadError } from '../isolationErrors.js';
import { INSTALL_CHROMIUM } from './findChromium.js';
import type { PageFiles } from './pageBundle.js';

/**
 * Chromium's switches for headless WebGL 2 and WebGPU on a machine without a GPU: ANGLE and Dawn on
 * SwiftShader (the switches issue 12 names; checked here with Chromium 156: `navigator.gpu.requestAdapter()`
 * answers on http://127.0.0.1 with them, and not on a non-secure origin such as a data: URL).
 */
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] as const;

/** Serves `files` on 127.0.0.1 at an ephemeral port; resolves with the server and its base URL. */
export function servePage(files: PageFiles): Promise<{ server: Server; url: string }> {
  const assets = new Map(files.assets.map((a) => [a.urlPath, a]));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const asset = assets.get(path);
    if (asset !== undefined) {
      // Streamed from the package: ONNX Runtime's binaries are 14 to 28 MB, read only when the page asks.
      response.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-store' });
      createReadStream(asset.path).on('error', () => response.destroy()).pipe(response);
      return;
    }
    const [type, body] = path === '/' || path === '/index.html' ? ['text/html', files.html] : path === '/adapter.js' ? ['text/javascript', files.bundle] : [null, null];
    if (path === '/favicon.ico') {
      // Asked for by every page; an answer keeps a 404 line out of the page's console.
      response.writeHead(204).end();
      return;
    }
    if (body === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`convkit's page server has no ${path}`);
      return;
    }
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

interface SharedBrowser {
  browser: Promise<Browser>;
  users: number;
}

const browsers = new Map<string, SharedBrowser>();

async function launch(executablePath: string): Promise<Browser> {
  try {
    const { chromium } = await import('playwright-core');
    // headless: false, since CHROMIUM_ARGS brings its own --headless=new (with Playwright's own headless
    // switch, navigator.gpu offers no adapter here).
    return await chromium.launch({ executablePath, headless: false, args: [...CHROMIUM_ARGS] });
  } catch (e) {
    throw new AdapterLoadError(`Chromium (${executablePath}) did not start: ${(e as Error).message.split('\n')[0]}; a page adapter needs a working Chromium (${INSTALL_CHROMIUM})`);
  }
}

export interface BrowserLease {
  readonly browser: Browser;
  /** Gives the browser back; the last lease closes it. */
  release(): Promise<void>;
}

/** The shared Chromium at `executablePath`, started on first use. */
export async function leaseBrowser(executablePath: string): Promise<BrowserLease> {
  let shared = browsers.get(executablePath);
  if (shared === undefined) {
    const entry: SharedBrowser = { browser: launch(executablePath), users: 0 };
    browsers.set(executablePath, entry);
    // A browser that failed to start or died is not handed out again: the next lease starts another.
    entry.browser.then(
      (b) => b.on('disconnected', () => { if (browsers.get(executablePath) === entry) browsers.delete(executablePath); }),
      () => { if (browsers.get(executablePath) === entry) browsers.delete(executablePath); },
    );
    shared = entry;
  }
  const entry = shared;
  entry.users++;
  let browser: Browser;
  try {
    browser = await entry.browser;
  } catch (e) {
    entry.users--;
    throw e;
  }
  let released = false;
  return {
    browser,
    release: async () => {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      if (browsers.get(executablePath) === entry) browsers.delete(executablePath);
      await browser.close().catch(() => undefined);
    },
  };
}
