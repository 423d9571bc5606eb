/**
 * Stack traces from the package resolve to files it ships: the build writes source maps (and declaration maps)
 * whose sources are the .ts files under rootDir, and `files` ships every folder the build compiles. Checked on
 * the build configuration, because building takes longer than a test may; `scripts/fresh-install.sh` checks
 * a packed tarball end to end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

it('the build maps every compiled file to a source the package ships', () => {
  const base = json('tsconfig.json')['compilerOptions'] as Record<string, unknown>;
  const build = json('tsconfig.build.json');
  const options = { ...base, ...(build['compilerOptions'] as Record<string, unknown>) };
  expect(options['sourceMap']).toBe(true);
  expect(options['declarationMap']).toBe(true);
  expect(options['rootDir']).toBe('.');
  const files = json('package.json')['files'] as string[];
  for (const folder of build['include'] as string[]) expect(files, `${folder}/ is compiled, so the package must ship it for its source maps`).toContain(folder);
  expect(files).toContain(options['outDir']);
});
