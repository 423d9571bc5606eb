/**
 * How the tests start the convkit command: the compiled CLI (dist/src/cli/main.js, what `npx convkit` runs)
 * when it was built after the last change to the TypeScript it is compiled from, else the source through tsx.
 * `npm ci` builds dist (the `prepare` script), so CI tests the shipped command; an edit that was not rebuilt is
 * tested from its source. The compiled start skips tsx's loader: about 1.2 s of CPU per spawn, and the suite
 * spawns the CLI some 70 times.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsFresh(): boolean {
  try {
    const built = statSync(join(root, 'dist', 'src', 'cli', 'main.js')).mtimeMs;
    return Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'properties'))) < built;
  } catch {
    return false;
  }
}

const compiled = compiledIsFresh();

/** The node arguments that start the CLI (append the command's own: `run`, `--adapter`, …). */
export function cliArgs(): string[] {
  if (compiled) return [join(root, 'dist', 'src', 'cli', 'main.js')];
  return ['--import', pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(root, 'src', 'cli', 'main.ts')];
}

/** The same start as one shell word list, for tests that run a printed command line through bash. */
export function cliShellPrefix(): string {
  return [process.execPath, ...cliArgs()].map((a) => JSON.stringify(a)).join(' ');
}
