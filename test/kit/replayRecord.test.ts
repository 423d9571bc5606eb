/**
 * One replay record per check (issue: the seed had two meanings). A corpus recorded in a run with seed A and
 * replayed in a run with seed B keeps seed A: in the report, in the printed replay command and in the corpus,
 * and the printed command, run as a real CLI child, reproduces the recorded case. Also: every adapter call a
 * case makes is recorded, including backward calls and the error checks' calls.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter/contract.js';
import { reference } from '../../src/adapter/referenceAdapter.js';
import { checkProperty } from '../../src/kit/checkProperty.js';
import { catalogue } from '../../properties/catalogue.js';
import nanIgnoring from './fixtures/nanIgnoringMaxPool.js';
import { cliArgs, cliShellPrefix } from '../cliCommand.js';

const root = join(import.meta.dirname, '..', '..');
const adapterPath = join(import.meta.dirname, 'fixtures', 'nanIgnoringMaxPool.ts');
const ID = 'max-pool2d.nan-and-infinity';
const SEED_A = 11;
const SEED_B = 22;

function convkit(args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

interface JsonCheck { id: string; kind: string; status: string; runSeed?: number; path?: string; replay?: string; counterexample?: unknown }
const checkOf = (file: string): JsonCheck => (JSON.parse(readFileSync(file, 'utf8')) as { checks: JsonCheck[] }).checks.find((c) => c.id === ID)!;

describe('a corpus case keeps its own run seed', () => {
  it('recorded with seed A, replayed in a run with seed B: report, printed command and corpus say A, and the command reproduces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convkit-replay-'));
    const baseline = join(dir, 'gate.json');
    writeFileSync(baseline, JSON.stringify({ adapter: 'nan-ignoring-max-pool', seed: SEED_A, entries: [] }));
    // The gate fails (the baseline expects nothing), so --update-corpus is what writes the corpus beside it.
    const common = ['--adapter', adapterPath, '--only', ID, '--baseline', baseline, '--update-corpus'];

    const a = convkit(['run', ...common, '--seed', String(SEED_A), '--json', join(dir, 'a.json')]);
    expect(a.status, a.stdout).toBe(1);
    const first = checkOf(join(dir, 'a.json'));
    expect(first).toMatchObject({ kind: 'property', status: 'failed', runSeed: SEED_A });
    const corpusFile = join(dir, 'gate.corpus.json');
    const corpus = () => (JSON.parse(readFileSync(corpusFile, 'utf8')) as { entries: { id: string; runSeed: number; path: string }[] }).entries;
    expect(corpus()).toEqual([expect.objectContaining({ id: ID, runSeed: SEED_A, path: first.path })]);

    const b = convkit(['run', ...common, '--seed', String(SEED_B), '--json', join(dir, 'b.json')]);
    expect(b.status, b.stdout).toBe(1);
    const second = checkOf(join(dir, 'b.json'));
    expect(second).toMatchObject({ kind: 'corpus', status: 'failed', runSeed: SEED_A, path: first.path });
    expect(second.counterexample).toEqual(first.counterexample);
    expect(second.replay).toContain(`--seed ${SEED_A} --path ${first.path}`);
    expect(b.stdout).toContain(second.replay!);
    // The corpus still holds the one entry, with the seed it was found with.
    expect(corpus().filter((e) => e.id === ID).map((e) => e.runSeed)).toEqual([SEED_A]);

    // The printed command, run as written (convkit → this checkout's CLI), reproduces the failure.
    const printed = second.replay!;
    expect(printed.startsWith('convkit replay ')).toBe(true);
    const replayed = spawnSync('bash', ['-c', `${cliShellPrefix()} ${printed.slice('convkit '.length)}`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(replayed.status, replayed.stdout + replayed.stderr).toBe(1);
    expect(replayed.stdout).toContain(`FAIL ${ID}`);
  }, 120_000);

  it('the replay record rebuilds exactly the recorded counterexample in process', async () => {
    const property = catalogue.find((p) => p.id === ID)!;
    const found = await checkProperty(nanIgnoring, property, { seed: SEED_A, runs: 100 });
    expect(found.status).toBe('failed');
    const again = await checkProperty(nanIgnoring, property, { seed: found.replay!.runSeed, runs: 100, path: found.replay!.path! });
    expect(again.counterexample).toEqual(found.counterexample);
    // Under another seed the same path is another case (or none): the seed is part of the record.
    const other = await checkProperty(nanIgnoring, property, { seed: SEED_B, runs: 100, path: found.replay!.path! });
    expect(other.counterexample).not.toEqual(found.counterexample);
  }, 60_000);
});

describe('every adapter call of a failing case is recorded as data', () => {
  it('a backward property records the backward call with its gradOutput', async () => {
    const wrong: Adapter = { ...reference, name: 'grad-doubled', maxPool2dBackward: async (x, g, o) => { const r = await reference.maxPool2dBackward!(x, g, o); return { shape: r.shape, data: Array.from(r.data, (v) => 2 * v) }; } };
    const property = catalogue.find((p) => p.id === 'max-pool2d.backward-matches-reference')!;
    const r = await checkProperty(wrong, property, { seed: 1, runs: 50 });
    expect(r.status).toBe('failed');
    const calls = r.detail?.calls ?? [];
    const last = calls[calls.length - 1]!;
    expect(last.method).toBe('maxPool2dBackward');
    expect(last.call.op).toBe('maxPool2d');
    expect(last.gradOutput?.shape).toBeDefined();
    expect(last.outcome).toMatchObject({ kind: 'answered' });
  });

  it('an error check records the call the adapter answered instead of rejecting', async () => {
    const accepting: Adapter = { ...reference, name: 'accepting', avgPool2d: (x, o) => { try { return reference.avgPool2d!(x, o); } catch { return { shape: [1], data: [0] }; } } };
    const property = catalogue.find((p) => p.id === 'avg-pool2d.invalid-configurations-rejected')!;
    const r = await checkProperty(accepting, property, { seed: 1, runs: 50 });
    expect(r.status).toBe('failed');
    expect(r.detail?.calls?.map((c) => c.method)).toEqual(['avgPool2d']);
    expect(r.detail?.calls?.[0]?.outcome).toEqual({ kind: 'answered', shape: [1] });
  });

  it('gradcheck and the adjoint test call the adapter through the recorder too', async () => {
    const wrong: Adapter = { ...reference, name: 'avg-grad-halved', avgPool2dBackward: async (x, g, o) => { const r = await reference.avgPool2dBackward!(x, g, o); return { shape: r.shape, data: Array.from(r.data, (v) => v / 2) }; } };
    for (const id of ['avg-pool2d.gradcheck', 'avg-pool2d.backward-is-adjoint']) {
      const r = await checkProperty(wrong, catalogue.find((p) => p.id === id)!, { seed: 3, runs: 20 });
      expect(r.status, id).toBe('failed');
      const methods = new Set(r.detail?.calls?.map((c) => c.method));
      expect([...methods].sort(), id).toEqual(['avgPool2d', 'avgPool2dBackward']);
    }
  });
});
