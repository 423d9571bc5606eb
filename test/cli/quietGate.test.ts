/**
 * Quiet gates: with --baseline, an expected failure prints one line (id, reason, "as expected"), --verbose
 * prints it in full; the corpus beside the baseline is written only when the run passes its gate or with
 * --update-corpus, so a failing CI run leaves the repository clean and says where its counterexamples went.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const flipped = join(import.meta.dirname, 'fixtures', 'flippedKernelAdapter.ts');
// The repository folders have no node_modules: tsx's loader is named by its path here.
const run = ['--adapter', flipped, '--only', 'conv2d.definition', '--runs', '20'];

function convkit(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=convkit', '-c', 'user.email=convkit@example.invalid', ...args], { cwd, encoding: 'utf8' });

/** A git repository holding one committed baseline (and no corpus yet). */
function repoWith(entries: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'convkit-gate-repo-'));
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'baseline.json'), `${JSON.stringify({ adapter: 'conv-kernel-flipped', seed: 20261121, entries }, null, 2)}\n`);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'baseline');
  return dir;
}

const expectedEntry = { id: 'conv2d.definition', status: 'failed', reason: 'the kernel is rotated 180° (a true convolution)' };

describe('convkit run --baseline, quietly', () => {
  /** One quiet run that passes its gate, shared by the first two tests (it is the run both describe). */
  let passing: { dir: string; quiet: { status: number | null; out: string }; corpusSaved: boolean };
  beforeAll(() => {
    const dir = repoWith([expectedEntry]);
    const quiet = convkit(dir, 'run', ...run, '--baseline', 'baseline.json');
    // Looked at before the --verbose run below writes there too.
    passing = { dir, quiet, corpusSaved: existsSync(join(dir, 'baseline.corpus.json')) };
  }, 120_000); // one child run; room for a busy machine

  it('an expected failure is one line with its reason; --verbose prints it in full', () => {
    const { dir, quiet } = passing;
    expect(quiet.status).toBe(0);
    expect(quiet.out).toContain('conv2d.definition: the kernel is rotated 180° (a true convolution) — failed, as expected');
    expect(quiet.out).not.toContain('FAIL conv2d.definition');
    expect(quiet.out).not.toContain('counterexample (run seed');
    const verbose = convkit(dir, 'run', ...run, '--baseline', 'baseline.json', '--verbose');
    expect(verbose.out).toContain('FAIL conv2d.definition');
    expect(verbose.out).toContain('counterexample (run seed');
  }, 60_000);

  it('a run that passes its gate saves its counterexamples beside the baseline', () => {
    expect(passing.quiet.out).toContain(`saved to baseline.corpus.json`);
    expect(passing.corpusSaved).toBe(true);
  }, 60_000);

  it('a run that fails its gate leaves the repository clean and prints where the counterexamples went', () => {
    const dir = repoWith([]);
    const r = convkit(dir, 'run', ...run, '--baseline', 'baseline.json');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/NEW conv2d\.definition/);
    expect(git(dir, 'status', '--porcelain').stdout).toBe('');
    const saved = /corpus: 1 new counterexample\(s\) saved to (\S+) — the gate failed, so baseline\.corpus\.json is left as it was/.exec(r.out);
    expect(saved, r.out).not.toBeNull();
    const corpus = JSON.parse(readFileSync(saved![1]!, 'utf8')) as { entries: { id: string }[] };
    expect(corpus.entries.map((e) => e.id)).toEqual(['conv2d.definition']);
  }, 60_000);

  it('--update-corpus writes beside the baseline even when the gate fails', () => {
    const dir = repoWith([]);
    const r = convkit(dir, 'run', ...run, '--baseline', 'baseline.json', '--update-corpus');
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'baseline.corpus.json'))).toBe(true);
  }, 60_000);
});
