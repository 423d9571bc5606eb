/**
 * What the CLI does with its files when things go wrong (issue 14): outputs that would overwrite the run's
 * inputs are refused, a failed write does not throw the verdict away, a damaged baseline or corpus is named,
 * `baseline write` merges and keeps hand-written reasons, and out-of-range numbers are usage errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const flipped = join(import.meta.dirname, 'fixtures', 'flippedKernelAdapter.ts');
const fresh = () => mkdtempSync(join(tmpdir(), 'convkit-files-'));

function convkit(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const baselineOf = (entries: { id: string; status: string; reason: string }[]) => JSON.stringify({ adapter: 'flipped-kernel', seed: 1, entries }, null, 2);

describe('convkit run: the files it reads and writes', () => {
  it('--json/--junit/--html naming the baseline or its corpus is refused before the run, and the baseline is untouched', () => {
    const dir = fresh();
    const baseline = join(dir, 'b.json');
    writeFileSync(baseline, baselineOf([]));
    for (const [flag, target] of [['--json', baseline], ['--html', join(dir, 'b.corpus.json')], ['--junit', baseline]] as const) {
      const r = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '2', '--baseline', baseline, flag, target);
      expect(r.status, r.out).toBe(2);
      expect(r.out).toMatch(new RegExp(`${flag} .* is the (--baseline file|corpus) of this run`));
    }
    expect(readFileSync(baseline, 'utf8')).toBe(baselineOf([]));
  });

  it('a report that cannot be written (/dev/full) is reported; the other files are written and the verdict stands', () => {
    const dir = fresh();
    const baseline = join(dir, 'b.json');
    writeFileSync(baseline, baselineOf([]));
    const json = join(dir, 'r.json');
    const failing = convkit('run', '--adapter', flipped, '--only', 'conv2d.definition', '--runs', '20', '--baseline', baseline, '--update-corpus', '--html', '/dev/full', '--json', json);
    expect(failing.out).toMatch(/could not write --html \/dev\/full: .*ENOSPC/);
    expect(failing.out).toMatch(/FAIL conv2d\.definition/);
    expect(failing.status).toBe(1); // the verdict (a new failure), not 2
    expect((JSON.parse(readFileSync(json, 'utf8')) as { checks: unknown[] }).checks).toHaveLength(1);
    expect((JSON.parse(readFileSync(join(dir, 'b.corpus.json'), 'utf8')) as { entries: unknown[] }).entries).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);

    const passing = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '2', '--html', '/dev/full');
    expect(passing.out).toMatch(/1 passed/);
    expect(passing.status).toBe(2); // nothing else failed: the failed write is the exit code
  });

  it('a damaged or missing baseline is a usage error naming the file; a damaged corpus is moved aside with a warning and the run goes on', () => {
    const dir = fresh();
    const baseline = join(dir, 'b.json');
    writeFileSync(baseline, '{"adapter": "x", "seed": 1, "entr');
    const damaged = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '2', '--baseline', baseline);
    expect(damaged.status).toBe(2);
    expect(damaged.out).toContain(`--baseline ${baseline}: baseline ${baseline}: not valid JSON`);
    expect(damaged.out).not.toMatch(/internal error|at .*\.ts:\d+/);
    const missing = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '2', '--baseline', join(dir, 'none.json'));
    expect(missing.status).toBe(2);
    expect(missing.out).toMatch(/none\.json: no such file/);

    writeFileSync(baseline, baselineOf([]));
    writeFileSync(join(dir, 'b.corpus.json'), '{"entries": [null]}');
    const r = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '2', '--baseline', baseline);
    expect(r.out).toMatch(/warning: the corpus .*b\.corpus\.json was damaged \(entries\[0\] must be .*\); moved aside to .*b\.corpus\.json\.corrupt-/);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).some((f) => f.startsWith('b.corpus.json.corrupt-'))).toBe(true);
  });

  it('baseline write merges into an existing baseline and keeps its reasons; --replace replaces it', () => {
    const dir = fresh();
    const baseline = join(dir, 'b.json');
    const handWritten = [
      { id: 'conv2d.definition', status: 'failed', reason: 'kernel flipped: upstream bug #12' },
      { id: 'max-pool2d.definition', status: 'failed', reason: 'hand-written, not part of this run' },
    ];
    writeFileSync(baseline, baselineOf(handWritten));
    const r = convkit('baseline', 'write', '--adapter', flipped, '--baseline', baseline, '--only', 'conv2d.definition', '--runs', '20');
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/merged into .*: 0 added, 0 removed \(now passing\), 2 kept/);
    const merged = JSON.parse(readFileSync(baseline, 'utf8')) as { entries: { id: string; reason: string }[] };
    expect(merged.entries.map((e) => [e.id, e.reason])).toEqual(handWritten.map((e) => [e.id, e.reason]));

    expect(convkit('baseline', 'write', '--adapter', flipped, '--baseline', baseline, '--only', 'conv2d.definition', '--runs', '20', '--replace').status).toBe(0);
    const replaced = JSON.parse(readFileSync(baseline, 'utf8')) as { entries: { id: string; reason: string }[] };
    expect(replaced.entries.map((e) => e.id)).toEqual(['conv2d.definition']);
    expect(replaced.entries[0]!.reason).not.toContain('upstream bug #12');
    expect(existsSync(`${baseline}.lock`)).toBe(false);
  });

  it('--timeout past 2^31−1 and seeds past 32 bits are usage errors, not silent wrap-arounds', () => {
    const cases: [string[], RegExp][] = [
      [['run', '--adapter', 'reference', '--timeout', '2147483648'], /--timeout must be an integer in 1 … 2147483647, got "2147483648"/],
      [['run', '--adapter', 'reference', '--timeout', '0'], /--timeout must be an integer in 1 … 2147483647/],
      [['run', '--adapter', 'reference', '--seed', '4294967296'], /--seed must be an integer in -2147483648 … 2147483647, got "4294967296"/],
      [['replay', 'conv2d.definition', '--adapter', 'reference', '--seed', '2147483648'], /--seed must be an integer in/],
      [['explore', 'conv2d.definition', '--adapter', 'reference', '--seed', '-2147483649'], /--seed must be an integer in/],
    ];
    for (const [args, message] of cases) {
      const r = convkit(...args);
      expect(r.out, args.join(' ')).toMatch(message);
      expect(r.status, args.join(' ')).toBe(2);
    }
  });

  it('explore prints the runs it really makes when a property caps them', () => {
    const r = convkit('explore', 'conv2d.fft-oracle', '--adapter', 'reference', '--runs', '10000');
    expect(r.out).toContain('conv2d.fft-oracle: at most 50 cases (the property\'s maxRuns), not the 10000 asked for');
    expect(r.out).toMatch(/seed \d+, 50 runs per property/);
    expect(r.status).toBe(0);
  });
});
