/**
 * The CLI end to end, as a user runs it: exit codes, replay of a failing case, the CI baseline with stale and
 * unknown entries, the counterexample corpus, shards merged back, and clear messages for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'convkit-cli-'));

function convkit(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const flipped = join(fixtures, 'flippedKernelAdapter.ts');
const fixed = join(fixtures, 'fixedAdapter.ts');

describe('convkit CLI', () => {
  it('run on the reference exits 0 with a summary', () => {
    const r = convkit('run', '--adapter', 'reference', '--only', 'conv2d.definition', '--runs', '20');
    expect(r.out).toMatch(/1 passed, 0 failed, 0 errors, 0 skipped/);
    expect(r.status).toBe(0);
  });

  it('a buggy adapter exits 1, and the printed replay command reproduces exactly that failure', () => {
    const r = convkit('run', '--adapter', flipped, '--only', 'conv2d.definition', '--runs', '50');
    expect(r.status).toBe(1);
    const replay = /replay:?\s+convkit (replay \S+ --adapter \S+ --seed -?\d+ --path \S+)/.exec(r.out);
    expect(replay, r.out).not.toBeNull();
    const message = /FAIL conv2d\.definition.*\n\s+(.*)/.exec(r.out)![1];
    const again = convkit(...replay![1]!.split(' '));
    expect(again.status).toBe(1);
    expect(again.out).toContain(message);
  });

  it('the baseline gate: expected failures pass, the fix shows stale entries, --strict fails on them, unknown entries are reported', () => {
    const baseline = join(tmp, 'baseline.json');
    expect(convkit('baseline', 'write', '--adapter', flipped, '--baseline', baseline, '--runs', '10', '--only', 'conv2d.').status).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { entries: { id: string; reason: string }[] };
    expect(written.entries.length).toBeGreaterThan(0);
    expect(written.entries.every((e) => e.reason.length > 0)).toBe(true);

    // An entry naming no check rides along: it is reported, and without --strict it fails nothing (one run for both).
    writeFileSync(baseline, JSON.stringify({ ...written, entries: [...written.entries, { id: 'conv2d.no-such-check', status: 'failed', reason: 'renamed' }] }));
    const gated = convkit('run', '--adapter', flipped, '--baseline', baseline, '--runs', '10', '--only', 'conv2d.');
    expect(gated.out).toMatch(/0 new/);
    expect(gated.out).toMatch(/UNKNOWN conv2d\.no-such-check/);
    expect(gated.status).toBe(0);
    expect(existsSync(join(tmp, 'baseline.corpus.json'))).toBe(true);
    writeFileSync(baseline, JSON.stringify(written));

    const afterFix = convkit('run', '--adapter', fixed, '--baseline', baseline, '--runs', '10', '--only', 'conv2d.');
    expect(afterFix.out).toMatch(/STALE conv2d\./);
    expect(afterFix.status).toBe(0);
    expect(convkit('run', '--adapter', fixed, '--baseline', baseline, '--runs', '10', '--only', 'conv2d.', '--strict').status).toBe(1);
  }, 180_000); // four whole conv2d runs in child processes

  it('the corpus replays a saved counterexample first, even when the run seed changes', () => {
    const baseline = join(tmp, 'corpus-baseline.json');
    writeFileSync(baseline, JSON.stringify({ adapter: 'flipped-kernel', seed: 1, entries: [] }));
    // The gate fails (the baseline expects nothing): --update-corpus records the counterexample anyway.
    convkit('run', '--adapter', flipped, '--baseline', baseline, '--only', 'conv2d.definition', '--runs', '50', '--update-corpus');
    const corpus = JSON.parse(readFileSync(join(tmp, 'corpus-baseline.corpus.json'), 'utf8')) as { entries: unknown[] };
    expect(corpus.entries.length).toBe(1);
    const later = convkit('run', '--adapter', flipped, '--baseline', baseline, '--only', 'conv2d.definition', '--runs', '1', '--seed', '99');
    expect(later.out).toMatch(/\[corpus case from run seed/);
  });

  it('two shards hold every check once; merged, they equal the full run', () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    const all = join(tmp, 'all.json');
    convkit('run', '--adapter', 'reference', '--runs', '2', '--shard', '1/2', '--json', a);
    convkit('run', '--adapter', 'reference', '--runs', '2', '--shard', '2/2', '--json', b);
    convkit('run', '--adapter', 'reference', '--runs', '2', '--json', all);
    const merged = join(tmp, 'merged.json');
    expect(convkit('merge', a, b, '--json', merged).status).toBe(0);
    const ids = (p: string) => (JSON.parse(readFileSync(p, 'utf8')) as { checks: { id: string }[] }).checks.map((c) => c.id).sort();
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(b).length).toBeGreaterThan(0);
    expect(ids(merged)).toEqual(ids(all));
  });

  it('bad input gets a clear message and exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['run', '--adapter', 'missing.ts'], /no such file/],
      [['run', '--adapter', join(fixtures, 'noDefaultExport.ts')], /no default export/],
      [['run', '--adapter', join(fixtures, 'notAnAdapter.ts')], /does not satisfy the adapter contract[\s\S]*name must be[\s\S]*dtype must be/],
      [['run', '--adapter', 'reference', '--shard', '3/2'], /--shard must be i\/n/],
      [['run', '--adapter', 'reference', '--seed', '1.5'], /--seed must be an integer/],
      [['run', '--adapter', 'reference', '--frobnicate'], /unknown option/],
      [['run', '--adapter', 'reference', '--only', 'zzz'], /--only zzz matches no check/],
      [['run', '--adapter', 'reference', '--json', '/nonexistent-dir/x.json'], /cannot write \/nonexistent-dir\/x.json/],
      [['replay', 'conv2d.nope', '--adapter', 'reference'], /no check conv2d\.nope/],
      [['run', '--adapter', 'reference', '--baseline', join(fixtures, 'noDefaultExport.ts')], /--baseline/],
    ];
    for (const [args, message] of cases) {
      const r = convkit(...args);
      expect(r.out, args.join(' ')).toMatch(message);
      expect(r.status, args.join(' ')).toBe(2);
    }
  });
});
