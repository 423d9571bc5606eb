/**
 * `--values exact` on the command line (spec/numerics.md `num.values.exact`): a bad mode is a usage error; an exact
 * run says so in its JSON head and in the failing check; its replay command carries the mode and reproduces the
 * failure (and without the mode the case passes); --jobs workers run in the same mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const ulpOff = join(import.meta.dirname, 'fixtures', 'oneUlpOffAdapter.ts');
const tmp = mkdtempSync(join(tmpdir(), 'convkit-values-'));

function convkit(...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

type Report = { values?: string; checks: { id: string; status: string; values?: string; replay?: string; message?: string; counterexample?: unknown }[] };
const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report;

describe('convkit run --values', () => {
  it('--values bogus is a usage error naming the option, its value and the choices', () => {
    const r = convkit('run', '--adapter', 'reference', '--values', 'bogus');
    expect(r.status).toBe(2);
    expect(r.out).toContain('--values must be one of default, exact, got "bogus"');
  });

  it('an exact-mode failure is reported with its mode and replays with it; --jobs 2 finds the same case', () => {
    const file = join(tmp, 'exact.json');
    const run = convkit('run', '--adapter', ulpOff, '--values', 'exact', '--only', 'conv2d.definition', '--json', file);
    expect(run.status, run.out).toBe(1);
    const report = readReport(file);
    expect(report.values).toBe('exact');
    const check = report.checks.find((c) => c.id === 'conv2d.definition')!;
    expect(check.status).toBe('failed');
    expect(check.values).toBe('exact');
    const m = /^convkit replay conv2d\.definition --adapter \S+ --seed (-?\d+) --path (\S+) --values exact$/.exec(check.replay ?? '');
    expect(m, check.replay).not.toBeNull();

    const again = convkit('replay', 'conv2d.definition', '--adapter', ulpOff, '--seed', m![1]!, '--path', m![2]!, '--values', 'exact');
    expect(again.status, again.out).toBe(1);
    expect(again.out).toContain(check.message!.split(' [')[0]!); // the same element, value and expectation
    const withoutMode = convkit('replay', 'conv2d.definition', '--adapter', ulpOff, '--seed', m![1]!, '--path', m![2]!);
    expect(withoutMode.status, withoutMode.out).toBe(0);

    const jobsFile = join(tmp, 'jobs.json');
    const jobs = convkit('run', '--adapter', ulpOff, '--values', 'exact', '--only', 'conv2d.d', '--jobs', '2', '--json', jobsFile);
    expect(jobs.status, jobs.out).toBe(1);
    const inJobs = readReport(jobsFile).checks.find((c) => c.id === 'conv2d.definition')!;
    expect(inJobs.status).toBe('failed');
    expect(inJobs.counterexample).toEqual(check.counterexample);
  }, 400_000); // four CLI runs, on 2 shared cores
});
