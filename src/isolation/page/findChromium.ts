/**
 * Which Chromium the page channel starts (`kit.protocol.page`): `--browser-path` first, then the
 * CONVKIT_CHROMIUM environment variable, then the first of the usual names on PATH. Nothing is ever
 * downloaded: a missing browser is an AdapterLoadError that says how to install one.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AdapterLoadError } from '../isolationErrors.js';

/** The names looked for on PATH, in order (Debian's package installs `chromium`). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface ChromiumSearch {
  /** `--browser-path`, when given. */
  readonly browserPath?: string | undefined;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The Chromium executable to start; throws AdapterLoadError naming what was tried and what to install. */
export function findChromium(search: ChromiumSearch = {}): string {
  const env = search.env ?? process.env;
  const named = search.browserPath !== undefined ? ['--browser-path', search.browserPath] : env['CONVKIT_CHROMIUM'] ? ['CONVKIT_CHROMIUM', env['CONVKIT_CHROMIUM']] : null;
  if (named !== null) {
    const [source, path] = named as [string, string];
    if (executable(path)) return path;
    throw new AdapterLoadError(`${source} is ${JSON.stringify(path)}, which is not an executable file; a page adapter needs Chromium (${INSTALL_CHROMIUM})`);
  }
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of CHROMIUM_NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  throw new AdapterLoadError(`a page adapter needs Chromium, and none was found (looked for ${CHROMIUM_NAMES.join(', ')} on PATH; CONVKIT_CHROMIUM and --browser-path are unset): install it with ${INSTALL_CHROMIUM}, or name one with --browser-path`);
}
