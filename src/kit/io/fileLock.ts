/**
 * withFileLock(path, work): runs `work` while holding `<path>.lock`, so two convkit runs that update the same
 * file (the corpus) take turns at read-merge-write instead of one overwriting the other's entries. The lock is a
 * file created with O_EXCL (`wx`) holding `{pid, time}`; a lock whose process is gone, or which is older than
 * `staleMs`, is stale and taken over (a run killed with SIGKILL never blocks later runs).
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface FileLockConstraints {
  /** Give up after this long (default 30 s). */
  readonly waitMs?: number;
  /** A lock older than this is stale whatever its pid (default 120 s). */
  readonly staleMs?: number;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly time: number;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.time === 'number' ? { pid: owner.pid, host: String(owner.host), time: owner.time } : null;
  } catch {
    return null; // being written, or damaged: judged by age below
  }
}

function isStale(owner: LockOwner, staleMs: number, now: number): boolean {
  if (now - owner.time > staleMs) return true;
  return owner.host === hostname() && !processIsAlive(owner.pid);
}

/**
 * Removes the stale lock held by `owner`. Two waiters may judge the same lock stale; the lock is first renamed
 * aside (only one rename wins), and if what was renamed is a fresh lock taken in between, it is put back.
 */
function breakLock(lockPath: string, owner: LockOwner | null): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readOwner(aside);
  const same = owner === null ? moved === null : moved !== null && moved.pid === owner.pid && moved.time === owner.time;
  if (!same) {
    try { linkSync(aside, lockPath); } catch { /* a newer lock exists: the moved one's holder will find its lock gone */ }
  }
  rmSync(aside, { force: true });
}

function tryLock(lockPath: string): boolean {
  try {
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now() }), { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withFileLock<T>(path: string, work: () => T | Promise<T>, constraints: FileLockConstraints = {}): Promise<T> {
  const lockPath = `${path}.lock`;
  const waitMs = constraints.waitMs ?? 30_000;
  const staleMs = constraints.staleMs ?? 120_000;
  const start = Date.now();
  let unreadableSince: number | undefined;
  while (!tryLock(lockPath)) {
    const now = Date.now();
    const owner = readOwner(lockPath);
    if (owner !== null && isStale(owner, staleMs, now)) {
      breakLock(lockPath, owner);
      continue;
    }
    // A lock file that stays unreadable (its writer died between create and write) is stale after a second.
    if (owner === null) {
      unreadableSince ??= now;
      if (now - unreadableSince > 1000) { breakLock(lockPath, null); unreadableSince = undefined; continue; }
    } else unreadableSince = undefined;
    if (now - start > waitMs) throw new Error(`${path}: could not take the lock ${lockPath} within ${waitMs} ms (held by ${JSON.stringify(readOwner(lockPath))}); remove it if no convkit run is using ${path}`);
    await sleep(10 + Math.random() * 20);
  }
  try {
    return await work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}
