/**
 * README's "Your first adapter" runs exactly as pasted: the block between the first-adapter markers is saved
 * as my-adapter.ts in a fresh folder whose package.json is npm init's (CommonJS, so tsx compiles the file to
 * CommonJS: the `export default` must still be found), and `convkit run` on it prints what README says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
// The folder has no node_modules: tsx's loader is named by its path in this repository.
const readme = readFileSync(join(root, 'README.md'), 'utf8');

it("README's first adapter runs as pasted and gives the printed summary", () => {
  const block = /<!-- first-adapter:start -->\n```ts\n([\s\S]*?)```\n<!-- first-adapter:end -->/.exec(readme);
  expect(block, 'README has the first-adapter block').not.toBeNull();
  const dir = mkdtempSync(join(tmpdir(), 'convkit-first-adapter-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-project', version: '1.0.0', type: 'commonjs' }));
  writeFileSync(join(dir, 'my-adapter.ts'), block![1]!);
  const r = spawnSync(process.execPath, [...cliArgs(), 'run', '--adapter', './my-adapter.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // The skipped count grows with the catalogue; README gives the rest of the closing line.
  const summary = /\d+ passed, \d+ failed, \d+ errors, /.exec(r.stdout)?.[0];
  expect(summary, r.stdout + r.stderr).toBeDefined();
  expect(readme, 'README prints the summary the example gives').toContain(`It ends with \`${summary}…\``);
  expect(summary).toMatch(/^[1-9]\d* passed, 0 failed, 0 errors, $/);
  expect(r.status).toBe(0);
}, 60_000);
