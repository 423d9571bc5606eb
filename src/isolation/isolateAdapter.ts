/**
 * isolateAdapter(spec): the adapter named by an `--adapter` spec, running isolated from the runner —
 * a built-in name (`reference`, `tfjs`, `tfjs:wasm`, `onnxruntime`, `pytorch`, … in builtinAdapters.ts) or a
 * path to a JavaScript or TypeScript module in a worker thread, `cmd:<shell command>` as a child process
 * speaking the stdio protocol, `page:<module>` in a headless Chromium page (page/pageChannel.ts); a built-in
 * `page:` name (`page:tfjs:webgl`, …) is looked up before a file of that name. The answer is a plain Adapter; the
 * runner needs nothing else. Call its `close()` when done (an idle isolated adapter never keeps the process alive).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Adapter } from '../adapter/contract.js';
import { childChannel } from '../stdio/childChannel.js';
import { BUILTIN_ADAPTERS, builtinAdapter, builtinModuleUrl, builtinPythonCommand } from './builtinAdapters.js';
import { channelAdapter, type IsolationConstraints } from './channelAdapter.js';
import { AdapterLoadError } from './isolationErrors.js';
import { pageChannel } from './page/pageChannel.js';
import { workerChannel } from './workerChannel.js';

export interface IsolateConstraints extends IsolationConstraints {
  /** Working directory for a `cmd:` adapter (default: the current one). */
  readonly cwd?: string;
  /** Chromium for a `page:` adapter (`--browser-path`); else CONVKIT_CHROMIUM, else PATH. */
  readonly browserPath?: string;
}

const CMD_PREFIX = 'cmd:';
const PAGE_PREFIX = 'page:';

export function isolateAdapter(spec: string, constraints: IsolateConstraints = {}): Promise<Adapter> {
  if (spec.startsWith(CMD_PREFIX)) {
    const command = spec.slice(CMD_PREFIX.length).trim();
    if (command === '') return Promise.reject(new AdapterLoadError(`${spec}: no command after "${CMD_PREFIX}"`));
    return channelAdapter(childChannel(command, constraints.cwd), constraints);
  }
  const builtin = builtinAdapter(spec);
  if (builtin?.page) {
    const { exportName, assets, startTimeoutMs, minCallTimeoutMs } = builtin.page;
    const limits = {
      ...constraints,
      ...(startTimeoutMs !== undefined && constraints.startTimeoutMs === undefined ? { startTimeoutMs } : {}),
      ...(minCallTimeoutMs !== undefined ? { timeoutMs: Math.max(minCallTimeoutMs, constraints.timeoutMs ?? 0) } : {}),
    };
    return channelAdapter(pageChannel(fileURLToPath(builtinModuleUrl(builtin.page)), { exportName, assets, browserPath: constraints.browserPath }), limits);
  }
  if (spec.startsWith(PAGE_PREFIX)) {
    const file = spec.slice(PAGE_PREFIX.length).trim();
    if (file === '') return Promise.reject(new AdapterLoadError(`${spec}: no module after "${PAGE_PREFIX}"`));
    const path = resolve(constraints.cwd ?? process.cwd(), file);
    if (!existsSync(path)) return Promise.reject(new AdapterLoadError(`no such file (${path}) for the page adapter`));
    return channelAdapter(pageChannel(path, { browserPath: constraints.browserPath }), constraints);
  }
  if (builtin?.module) return channelAdapter(workerChannel(builtinModuleUrl(builtin.module), builtin.module.exportName), constraints);
  if (builtin?.python) return channelAdapter(childChannel(builtinPythonCommand(builtin.python), constraints.cwd), constraints);
  const path = resolve(constraints.cwd ?? process.cwd(), spec);
  if (!existsSync(path)) {
    const names = BUILTIN_ADAPTERS.map((a) => a.name).join(', ');
    return Promise.reject(new AdapterLoadError(`no such file (${path}), and not a built-in adapter (${names}) or cmd:<command>`));
  }
  return channelAdapter(workerChannel(pathToFileURL(path).href), constraints);
}
