/**
 * Files a page adapter needs beside its bundle (`kit.protocol.page.assets`): the WebAssembly binaries (and the
 * Emscripten glue modules) of the web backends, which their libraries fetch at run time instead of bundling.
 * Each asset is named by its npm package and its file in that package, found from the adapter module's folder
 * the way Node finds packages (each ancestor's node_modules), and served by the page's loopback server at
 * PAGE_ASSET_PREFIX + its file name. A missing package or file is an AdapterLoadError naming both.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AdapterLoadError } from '../isolationErrors.js';

/** One file of an npm package that the page fetches, e.g. tfjs-backend-wasm's `dist/tfjs-backend-wasm-simd.wasm`. */
export interface PageAsset {
  readonly package: string;
  /** The file's path inside the package. */
  readonly file: string;
}

/** Where assets are served: a backend is told this prefix (tfjs's setWasmPaths, ort.env.wasm.wasmPaths). */
export const PAGE_ASSET_PREFIX = '/assets/';

/** A resolved asset: the URL path it is served at, the file on disk, and its content type. */
export interface ServedAsset {
  readonly urlPath: string;
  readonly path: string;
  readonly contentType: string;
}

/** Content types by extension: `application/wasm` lets the page compile a binary while it streams in. */
const CONTENT_TYPES: Readonly<Record<string, string>> = { '.wasm': 'application/wasm', '.mjs': 'text/javascript', '.js': 'text/javascript', '.json': 'application/json' };

function contentType(file: string): string {
  const ext = /\.[^.]+$/.exec(file)?.[0] ?? '';
  const type = CONTENT_TYPES[ext];
  if (type === undefined) throw new AdapterLoadError(`page asset ${JSON.stringify(file)} has extension ${JSON.stringify(ext)}, which the page server does not serve (it serves ${Object.keys(CONTENT_TYPES).join(', ')})`);
  return type;
}

/** The package folder `pkg` as Node would find it from `fromDir`, or null. */
function packageDir(pkg: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Resolves `assets` from the folder of the adapter module; two assets may not share a file name. */
export function resolvePageAssets(assets: readonly PageAsset[], fromDir: string): ServedAsset[] {
  const served = new Map<string, ServedAsset>();
  for (const asset of assets) {
    const dir = packageDir(asset.package, fromDir);
    if (dir === null) throw new AdapterLoadError(`the page adapter needs ${asset.package}, which is not installed (looked in node_modules from ${fromDir} up): npm i ${asset.package}`);
    const path = join(dir, asset.file);
    if (!existsSync(path)) throw new AdapterLoadError(`the page adapter needs ${asset.package}/${asset.file}, which is not in the installed package (${dir})`);
    const urlPath = PAGE_ASSET_PREFIX + basename(asset.file);
    const other = served.get(urlPath);
    if (other !== undefined) throw new AdapterLoadError(`page assets ${other.path} and ${path} would both be served at ${urlPath}`);
    served.set(urlPath, { urlPath, path, contentType: contentType(asset.file) });
  }
  return [...served.values()];
}
