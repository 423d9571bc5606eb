/**
 * writeFileAtomic(path, text): a file is either its old content or its new one, never half of each. The text
 * goes to a temporary file in the same folder (a rename within one file system is atomic), which is flushed to
 * disk (fsync) before it is renamed over the target; the folder is then fsynced so the rename itself survives a
 * power cut. A kill at any moment leaves at worst a stray `.<name>.<pid>.<n>.tmp` beside the target.
 *
 * A symbolic link is followed (the file it points to is replaced, the link stays). A target that exists and is
 * not a regular file — /dev/stdout, a FIFO, /dev/full — is written in place: renaming over it would replace
 * the device itself.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

let counter = 0;

function existingTarget(path: string): { real: string; regular: boolean } | null {
  try {
    const real = realpathSync(path);
    return { real, regular: statSync(real).isFile() };
  } catch {
    return null;
  }
}

export function writeFileAtomic(path: string, text: string): void {
  const existing = existingTarget(path);
  if (existing !== null && !existing.regular) return writeFileSync(path, text);
  const target = existing?.real ?? resolve(path);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
