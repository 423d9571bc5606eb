/**
 * loadAdapterSpec(spec): resolves an adapter spec (the CLI's `--adapter`): a built-in name (`reference`, `tfjs`, `tfjs:wasm`, `onnxruntime`, `pytorch`, …:
 * src/isolation/builtinAdapters.ts), a path to an ES module (JavaScript, or TypeScript loaded directly
 * through tsx) whose default export is an adapter, or `cmd:<command>` for an adapter in any language speaking
 * the stdio protocol (spec/adapter-protocol.md), or `page:<module>` for a module run in a headless Chromium page. Module and command adapters run isolated from the runner
 * (a worker thread, a child process: src/isolation), so a hang or crash costs one check, not the run; the
 * reference runs in-process unless `isolate` asks otherwise. Failures are AdapterSpecErrors whose message names the
 * spec and what went wrong; the CLI turns them into usage errors (exit 2), and the kit's check workers
 * (src/kit/jobs) open their adapters here too, which is why this lives below the CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Adapter } from '../adapter/contract.js';
import { reference } from '../adapter/referenceAdapter.js';
import { adapterProblems } from '../adapter/validateAdapter.js';
import { builtinAdapter, builtinModuleUrl, BUILTIN_ADAPTERS } from './builtinAdapters.js';
import { isolateAdapter } from './isolateAdapter.js';
import { AdapterLoadError, AdapterTimeoutError } from './isolationErrors.js';

/** The spec names no adapter that can be opened; the message starts `--adapter <spec>:` and says why. */
export class AdapterSpecError extends Error {
  override name = 'AdapterSpecError';
}

export interface LoadAdapterOptions {
  /** Run the adapter in a worker thread (default: true for module paths, false for `reference`; `cmd:` always is). */
  readonly isolate?: boolean;
  /** Per-call limit for an isolated adapter, in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Chromium for a `page:` adapter (`--browser-path`). */
  readonly browserPath?: string;
}

export async function loadAdapterSpec(spec: string, options: LoadAdapterOptions = {}): Promise<Adapter> {
  const builtin = builtinAdapter(spec);
  const isolate = spec.startsWith('cmd:') || spec.startsWith('page:') || builtin?.python !== undefined || (options.isolate ?? spec !== 'reference');
  // A missing peer's own message already says what to install.
  const hintFor = (message: string) => (builtin?.install && !/\binstall\b/.test(message) ? ` (it needs: ${builtin.install})` : '');
  if (isolate) {
    try {
      return await isolateAdapter(spec, {
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
      });
    } catch (e) {
      if (e instanceof AdapterLoadError || e instanceof AdapterTimeoutError) {
        // The worker's load error names no line for a syntax error in a JavaScript module: parse it here.
        const where = e instanceof AdapterLoadError && e.message.startsWith('the module failed to load') && !builtin ? await syntaxErrorLocation(resolve(spec)) : '';
        throw new AdapterSpecError(`--adapter ${spec}: ${e.message}${where}${hintFor(e.message)}`);
      }
      throw e;
    }
  }
  if (spec === 'reference') return reference;
  const path = builtin?.module ? builtinModuleUrl(builtin.module) : resolve(spec);
  if (!builtin && !existsSync(path)) {
    const names = BUILTIN_ADAPTERS.map((a) => a.name).join(', ');
    throw new AdapterSpecError(`--adapter ${spec}: no such file (${path}), and not a built-in adapter (${names}) or cmd:<command>`);
  }
  let module: { default?: unknown };
  try {
    if (builtin?.module) {
      module = (await import(path)) as { default?: unknown };
    } else if (/\.(mts|cts|ts|tsx)$/.test(path)) {
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    } else {
      module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    }
  } catch (e) {
    throw new AdapterSpecError(`--adapter ${spec}: the module failed to load: ${(e as Error).message}${e instanceof SyntaxError ? await syntaxErrorLocation(path) : ''}${hintFor((e as Error).message)}`);
  }
  // A TypeScript file outside an ESM package is compiled as CommonJS: `export default` arrives as
  // `module.default.default`, flagged `__esModule`.
  const inner = module.default as { __esModule?: unknown; default?: unknown } | undefined;
  if (inner !== null && typeof inner === 'object' && inner.__esModule === true && 'default' in inner) module = { default: inner.default };
  if (module.default === undefined) throw new AdapterSpecError(`--adapter ${spec}: the module has no default export (export default { name, dtype, conv2d, … })`);
  const problems = adapterProblems(module.default);
  if (problems.length > 0) throw new AdapterSpecError(`--adapter ${spec}: the default export does not satisfy the adapter contract:\n  - ${problems.join('\n  - ')}`);
  return module.default as Adapter;
}

/**
 * Where a JavaScript module failed to parse: Node 20's SyntaxError for an ES module carries neither file nor
 * line, so the file is parsed again with esbuild (tsx's own compiler), whose error has both. TypeScript
 * adapters already fail inside esbuild, with the location in the message.
 */
export async function syntaxErrorLocation(path: string): Promise<string> {
  if (!/\.(mjs|cjs|js)$/.test(path) || !existsSync(path)) return '';
  try {
    const { transform } = await import('esbuild');
    await transform(readFileSync(path, 'utf8'), { loader: 'js', format: 'esm', sourcefile: path });
    return '';
  } catch (parsed) {
    const where = (parsed as { errors?: { location?: { file: string; line: number; column: number; lineText: string } | null }[] }).errors?.[0]?.location;
    return where ? ` (at ${where.file}:${where.line}:${where.column + 1}: ${where.lineText.trim()})` : '';
  }
}
