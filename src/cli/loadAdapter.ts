/**
 * Resolves `--adapter`: `reference`, or a path to an ES module (JavaScript, or TypeScript loaded directly
 * through tsx) whose default export is an adapter. Failures are UsageErrors with a clear message (exit 2).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Adapter } from '../adapter/contract.js';
import { reference } from '../adapter/referenceAdapter.js';
import { adapterProblems } from '../adapter/validateAdapter.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function loadAdapter(spec: string): Promise<Adapter> {
  if (spec === 'reference') return reference;
  const path = resolve(spec);
  if (!existsSync(path)) throw new UsageError(`--adapter ${spec}: no such file (${path})`);
  let module: { default?: unknown };
  try {
    if (/\.(mts|cts|ts|tsx)$/.test(path)) {
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    } else {
      module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    }
  } catch (e) {
    throw new UsageError(`--adapter ${spec}: the module failed to load: ${(e as Error).message}`);
  }
  if (module.default === undefined) throw new UsageError(`--adapter ${spec}: the module has no default export (export default { name, dtype, conv2d, … })`);
  const problems = adapterProblems(module.default);
  if (problems.length > 0) throw new UsageError(`--adapter ${spec}: the default export does not satisfy the adapter contract:\n  - ${problems.join('\n  - ')}`);
  return module.default as Adapter;
}
