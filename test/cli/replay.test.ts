/** `convkit replay`: a malformed --path is a usage error (exit 2); a recorded failure that now passes says it is gone. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');

function convkit(...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('convkit replay', () => {
  it('--path garbage is a usage error: exit 2, naming the option, its value and the rule', () => {
    const r = convkit('replay', 'conv2d.definition', '--adapter', 'reference', '--path', 'garbage');
    expect(r.status).toBe(2);
    expect(r.out).toContain(`--path must be fast-check's replay path, integers joined by ':' as a failure prints it (e.g. 0:3:1), got "garbage"`);
  });

  it('a replay whose case now passes says the recorded failure is gone', () => {
    const failing = convkit('run', '--adapter', join(fixtures, 'flippedKernelAdapter.ts'), '--only', 'conv2d.definition', '--runs', '20');
    const m = /convkit replay conv2d\.definition --adapter \S+ --seed (-?\d+) --path (\S+)/.exec(failing.out);
    expect(m, failing.out).not.toBeNull();
    const again = convkit('replay', 'conv2d.definition', '--adapter', join(fixtures, 'fixedAdapter.ts'), '--seed', m![1]!, '--path', m![2]!);
    expect(again.status).toBe(0);
    expect(again.out).toContain(`replay: the recorded failure is gone — conv2d.definition passes on the case at seed ${m![1]}, path ${m![2]}`);
  }, 60_000);
});
