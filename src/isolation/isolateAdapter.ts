/**
 * isolateAdapter(spec): the adapter named by an `--adapter` spec, running isolated from the runner —
 * `reference` (convkit's reference adapter) or a path to a JavaScript or TypeScript module in a worker thread,
 * `cmd:<shell command>` as a child process speaking the stdio protocol. The answer is a plain Adapter; the
 * runner needs nothing else. Call its `close()` when done (an idle isolated adapter never keeps the process alive).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Adapter } from '../adapter/contract.js';
import { childChannel } from '../stdio/childChannel.js';
import { isolatedAdapter, type IsolationConstraints } from './isolatedAdapter.js';
import { AdapterLoadError } from './isolationErrors.js';
import { workerChannel } from './workerChannel.js';

export interface IsolateConstraints extends IsolationConstraints {
  /** Working directory for a `cmd:` adapter (default: the current one). */
  readonly cwd?: string;
}

const CMD_PREFIX = 'cmd:';

/** The reference adapter's module, beside this one in src/ or dist/src/. */
function referenceModuleUrl(): string {
  return new URL(import.meta.url.endsWith('.ts') ? '../adapter/referenceAdapter.ts' : '../adapter/referenceAdapter.js', import.meta.url).href;
}

export function isolateAdapter(spec: string, constraints: IsolateConstraints = {}): Promise<Adapter> {
  if (spec.startsWith(CMD_PREFIX)) {
    const command = spec.slice(CMD_PREFIX.length).trim();
    if (command === '') return Promise.reject(new AdapterLoadError(`${spec}: no command after "${CMD_PREFIX}"`));
    return isolatedAdapter(childChannel(command, constraints.cwd), constraints);
  }
  if (spec === 'reference') return isolatedAdapter(workerChannel(referenceModuleUrl(), 'reference'), constraints);
  const path = resolve(constraints.cwd ?? process.cwd(), spec);
  if (!existsSync(path)) return Promise.reject(new AdapterLoadError(`no such file (${path})`));
  return isolatedAdapter(workerChannel(pathToFileURL(path).href), constraints);
}
