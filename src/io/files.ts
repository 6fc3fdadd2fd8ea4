/**
 * Safe file writing: atomic (temp file in the same directory, then rename), never overwriting
 * an existing file or following a symlink unless forced, and leaving no temp file behind on
 * error or interruption.
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IoError, UsageError } from '../errors.js';

/** Temp files being written right now; removed by `removeTempFiles` on Ctrl-C. */
const pending = new Set<string>();

/** Deletes any temp file a write in progress left; called from the signal handlers. */
export function removeTempFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message ?? String(err);
}

/**
 * Writes `data` (text, bytes, or chunks of bytes in order) to `file` atomically. Without
 * `force`, an existing file (or symlink) is left untouched and a UsageError is thrown; a missing
 * or unwritable directory is an IoError.
 */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  opts: { force?: boolean } = {},
): void {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory())
      throw new IoError(`cannot write ${file}: ${dir} is not a directory`);
  } catch (err) {
    if (err instanceof IoError) throw err;
    throw new IoError(`cannot write ${file}: directory ${dir} does not exist`);
  }
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(file);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new IoError(`cannot write ${file}: it is a directory`);
  if (existing && !opts.force) {
    const what = existing.isSymbolicLink() ? 'is a symbolic link' : 'already exists';
    throw new UsageError(`${file} ${what}; use --force to overwrite it`);
  }

  // Created exclusively ('wx'), so the name need only be unlikely to be taken, not secret.
  const tag = Math.random().toString(36).slice(2, 10);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${tag}.tmp`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(fd, data);
      else for (const chunk of data) writeFileSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // rename replaces a symlink itself rather than writing through it.
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new IoError(`cannot write ${file} (${describe(err)})`);
  } finally {
    pending.delete(temp);
  }
}
