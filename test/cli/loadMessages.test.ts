/**
 * Load-time messages name what is wrong precisely (issue: "a default export that is a number is called
 * string"; "a syntax error in an adapter has no line number"; "threw threw a plain string").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'convkit-load-'));

function run(file: string, text: string): { status: number | null; out: string } {
  const path = join(dir, file);
  writeFileSync(path, text);
  const r = spawnSync(process.execPath, [...cliArgs(), 'run', '--adapter', path, '--runs', '1'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('adapter load messages', () => {
  it('a default export that is a number is called a number', () => {
    const r = run('number.mjs', 'export default 42;\n');
    expect(r.status).toBe(2);
    expect(r.out).toContain('the default export is number, not an adapter object');
  });

  it('a syntax error in a JavaScript adapter names its file, line and column', () => {
    const r = run('broken.mjs', "export default {\n  name: 'x',\n  dtype: 'float64',\n  conv2d( {\n};\n");
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/failed to load: Unexpected token.*\(at .*broken\.mjs:5:\d+: \};\)/);
  });

  it('a syntax error in a TypeScript adapter names its line (esbuild)', () => {
    const r = run('broken.ts', "const a = {\n  name: 'x', dtype: 'float64',\n  conv2d: (x: unknown) => { return x +; },\n};\nexport default a;\n");
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/broken\.ts:3:\d+/);
  });

  it('a rejection with a plain string reads once, not "threw threw"', () => {
    const r = run('rejects.mjs', "export default { name: 'r', dtype: 'float64', corr2d: () => Promise.reject('kernel cache full') };\n");
    expect(r.out).toContain('kernel cache full');
    expect(r.out).not.toMatch(/threw threw/);
  });
});
