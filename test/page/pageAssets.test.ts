/**
 * A page adapter's assets (`kit.protocol.page.assets`): files of npm packages found from the adapter's folder
 * and served by the page's loopback server under /assets/ with their content type; a missing package, a missing
 * file, an unservable extension and two assets with one name are load errors naming them. No browser needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdapterLoadError } from '../../src/isolation/isolationErrors.js';
import { PAGE_ASSET_PREFIX, resolvePageAssets } from '../../src/isolation/page/pageAssets.js';
import { servePage } from '../../src/isolation/page/pageHost.js';

const root = join(import.meta.dirname, '..', '..');
const here = join(root, 'src', 'adapters', 'tfjs-wasm');
const simd = { package: '@tensorflow/tfjs-backend-wasm', file: 'dist/tfjs-backend-wasm-simd.wasm' };

describe('page assets', () => {
  it('finds a package file from the adapter folder upwards and serves it under /assets/ as application/wasm', async () => {
    const assets = resolvePageAssets([simd], here);
    expect(assets).toEqual([{ urlPath: `${PAGE_ASSET_PREFIX}tfjs-backend-wasm-simd.wasm`, path: join(root, 'node_modules', simd.package, simd.file), contentType: 'application/wasm' }]);
    const { server, url } = await servePage({ bundle: '', html: '', assets });
    try {
      const response = await fetch(new URL('assets/tfjs-backend-wasm-simd.wasm', url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/wasm');
      const body = new Uint8Array(await response.arrayBuffer());
      // The file's own bytes (it starts with WebAssembly's magic number \0asm).
      expect(Buffer.from(body).equals(readFileSync(assets[0]!.path))).toBe(true);
      expect([...body.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
      expect((await fetch(new URL('assets/other.wasm', url))).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('names a package that is not installed, a file the package lacks, an extension it does not serve, and a clash', () => {
    expect(() => resolvePageAssets([{ package: 'no-such-package-xyz', file: 'a.wasm' }], here)).toThrow(AdapterLoadError);
    expect(() => resolvePageAssets([{ package: 'no-such-package-xyz', file: 'a.wasm' }], here)).toThrow(/needs no-such-package-xyz, which is not installed .*npm i no-such-package-xyz/);
    expect(() => resolvePageAssets([{ package: simd.package, file: 'dist/none.wasm' }], here)).toThrow(/needs @tensorflow\/tfjs-backend-wasm\/dist\/none\.wasm, which is not in the installed package/);
    expect(() => resolvePageAssets([{ package: simd.package, file: 'package.json' }, { package: simd.package, file: 'README.md' }], here)).toThrow(/extension "\.md", which the page server does not serve/);
    expect(() => resolvePageAssets([{ package: simd.package, file: 'package.json' }, { package: '@tensorflow/tfjs-core', file: 'package.json' }], here)).toThrow(/would both be served at \/assets\/package\.json/);
  });
});
