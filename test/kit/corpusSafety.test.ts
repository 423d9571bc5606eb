/**
 * The corpus survives what real CI does to it (issue 14): a run killed with SIGKILL in the middle of writing it,
 * two runs updating it at once, a lock left by a killed run, and a damaged file. Real child processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeIntoCorpus, readCorpusFile } from '../../src/kit/ci/corpus.js';
import { withFileLock } from '../../src/kit/io/fileLock.js';

const child = join(import.meta.dirname, 'fixtures', 'corpusWriter.ts');
const fresh = () => mkdtempSync(join(tmpdir(), 'convkit-corpus-'));

function runChild(...args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const exited = (p: ReturnType<typeof runChild>) => new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));

describe('the corpus file (kit isolation guarantees)', () => {
  it('SIGKILL in the middle of a write never leaves a truncated file', async () => {
    const dir = fresh();
    const path = join(dir, 'b.corpus.json');
    for (let trial = 0; trial < 3; trial++) {
      const writer = runChild('rewrite', path, '60000');
      await new Promise<void>((resolve) => writer.stdout!.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 150 + trial * 70));
      writer.kill('SIGKILL');
      await exited(writer);
      const json = JSON.parse(readFileSync(path, 'utf8')) as { entries: unknown[] };
      expect(json.entries).toHaveLength(60000);
    }
  }, 30_000);

  it('two processes updating one corpus at once both keep every entry', async () => {
    const dir = fresh();
    const path = join(dir, 'b.corpus.json');
    // A large corpus makes each read-merge-write slow enough that unlocked updates would overwrite each other.
    writeFileSync(path, JSON.stringify({ entries: Array.from({ length: 20000 }, (_, i) => ({ id: 'old.check', runSeed: i, path: '0', foundAt: '' })) }));
    const codes = await Promise.all([exited(runChild('merge', path, 'a', '25')), exited(runChild('merge', path, 'b', '25'))]);
    expect(codes).toEqual([0, 0]);
    const ids = readCorpusFile(path).entries.map((e) => e.id);
    expect(ids.filter((id) => id === 'a.check')).toHaveLength(25);
    expect(ids.filter((id) => id === 'b.check')).toHaveLength(25);
    expect(ids.filter((id) => id === 'old.check')).toHaveLength(20000);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);

  it('a lock left by a process that no longer exists is taken over; a live one is waited for', async () => {
    const dir = fresh();
    const path = join(dir, 'b.corpus.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), time: Date.now() }));
    expect((await mergeIntoCorpus(path, [{ id: 'x', runSeed: 1, path: '1', foundAt: '' }])).added).toBe(1);

    const order: string[] = [];
    const first = withFileLock(path, async () => { order.push('first in'); await new Promise((r) => setTimeout(r, 100)); order.push('first out'); });
    const second = withFileLock(path, () => { order.push('second'); });
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second']);
    await expect(withFileLock(path, () => withFileLock(path, () => 0, { waitMs: 50 }))).rejects.toThrow(/could not take the lock .*b\.corpus\.json\.lock within 50 ms/);
  });

  it.for([
    ['cut short', '{"entries": [{"id": "a", "runS'],
    ['a null entry', '{"entries": [null]}'],
    ['not a corpus', '[1, 2]'],
  ])('a damaged corpus (%s) is moved aside as *.corrupt-<time>, and the next update starts a new one', async ([, text]) => {
    const dir = fresh();
    const path = join(dir, 'b.corpus.json');
    writeFileSync(path, text!);
    const update = await mergeIntoCorpus(path, [{ id: 'x', runSeed: 1, path: '1', foundAt: '' }]);
    expect(update.damaged?.movedTo).toMatch(/b\.corpus\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(readFileSync(update.damaged!.movedTo, 'utf8')).toBe(text);
    expect(readCorpusFile(path).entries.map((e) => e.id)).toEqual(['x']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a regular file through a symlink, keeps the link, and writes a device in place', async () => {
    const { symlinkSync, lstatSync, statSync } = await import('node:fs');
    const { writeFileAtomic } = await import('../../src/kit/io/writeFileAtomic.js');
    const dir = fresh();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(() => writeFileAtomic('/dev/full', 'x')).toThrow(/ENOSPC/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    writeFileAtomic('/dev/null', 'x');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
