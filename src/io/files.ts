/**
 * Safe file writing: atomic (temp file in the same directory, then rename or link), never
 * overwriting an existing file or following a symlink unless forced, and leaving no temp file
 * behind on error or interruption.
 *
 * Without `force` the target is created with link(temp, target), which fails with EEXIST when
 * the name is taken: of several runs writing the same new file at once exactly one wins, and the
 * others are told the file exists. (A check-then-rename would let all of them "win" in turn.)
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { describeError, isCwdGone } from './fs-errors.js';

/** Temp files being written right now; removed by `removeTempFiles` on Ctrl-C. */
const pending = new Set<string>();

/** Deletes any temp file a write in progress left; called from the signal handlers. */
export function removeTempFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/** Longest file name (bytes) most file systems take (NAME_MAX on Linux, macOS, Windows). */
export const NAME_MAX = 255;

/** `text` cut to at most `bytes` bytes of UTF-8, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * A temp file name next to `file`, unlikely to be taken, and never longer than NAME_MAX bytes
 * however long the target's name is (the target's name is shortened inside it, not the tag).
 */
export function tempName(file: string): string {
  // Created exclusively ('wx'), so the name need only be unlikely to be taken, not secret.
  const tag = `.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  const stem = cutToBytes(`.${basename(file)}`, NAME_MAX - Buffer.byteLength(tag));
  return join(dirname(file), stem + tag);
}

type Data = string | Uint8Array | readonly Uint8Array[];

/** Why a write failed, in words. */
function failure(file: string, err: unknown): IoError {
  if (isCwdGone(err)) return new IoError(`cannot write ${file}: the current directory is gone`);
  return new IoError(`cannot write ${file} (${describeError(err)})`);
}

/** Checks the target before any work: its directory exists; it is new, or `force` is set. */
export function checkTarget(file: string, force: boolean | undefined): void {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory())
      throw new IoError(`cannot write ${file}: ${dir} is not a directory`);
  } catch (err) {
    if (err instanceof IoError) throw err;
    if (isCwdGone(err)) throw failure(file, err);
    throw new IoError(`cannot write ${file}: directory ${dir} does not exist`);
  }
  if (Buffer.byteLength(basename(file)) > NAME_MAX)
    throw new IoError(`cannot write ${file}: the file name is longer than ${NAME_MAX} bytes`);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(file);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new IoError(`cannot write ${file}: it is a directory`);
  if (existing && !force) throw exists(file, existing.isSymbolicLink());
}

function exists(file: string, symlink: boolean): UsageError {
  const what = symlink ? 'is a symbolic link' : 'already exists';
  return new UsageError(`${file} ${what}; use --force to overwrite it`);
}

/** Writes the data to a new temp file beside `file`, synced to disk; returns its name. */
function writeTemp(file: string, data: Data): string {
  const temp = tempName(file);
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
    return temp;
  } catch (err) {
    rmSync(temp, { force: true });
    pending.delete(temp);
    throw failure(file, err);
  }
}

/** File systems without hard links say so with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Makes the temp file the target: rename (replaces a file or a symlink itself, never writing
 * through it) with `force`; else link, which fails if the name was taken meanwhile.
 */
function commit(temp: string, file: string, force: boolean | undefined): void {
  try {
    if (force) {
      renameSync(temp, file);
      return;
    }
    try {
      linkSync(temp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') {
        let symlink = false;
        try {
          symlink = lstatSync(file).isSymbolicLink();
        } catch {
          // gone again: still not ours to write
        }
        throw exists(file, symlink);
      }
      if (!NO_LINKS.has(code)) throw err;
      // No hard links here (FAT, some network shares): claim the name exclusively, then
      // rename over the empty claim. Still one winner, at the cost of a moment's empty file.
      closeSync(openSync(file, 'wx', 0o644));
      renameSync(temp, file);
      return;
    }
    rmSync(temp, { force: true });
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof UsageError) throw err;
    throw failure(file, err);
  } finally {
    pending.delete(temp);
  }
}

/**
 * Writes `data` (text, bytes, or chunks of bytes in order) to `file` atomically. Without
 * `force`, an existing file (or symlink) is left untouched and a UsageError is thrown; a missing
 * or unwritable directory is an IoError.
 */
export function writeFileAtomic(file: string, data: Data, opts: { force?: boolean } = {}): void {
  checkTarget(file, opts.force);
  commit(writeTemp(file, data), file, opts.force);
}

/**
 * writeFileAtomic for long runs: awaits `beforeCommit` (e.g. a yield to the event loop, where a
 * Ctrl-C is handled) after the data is on disk and before it replaces anything, so a signal
 * during the write leaves the old file whole and the temp file removed.
 */
export async function writeFileAtomicAsync(
  file: string,
  data: Data,
  opts: { force?: boolean; beforeCommit?: () => Promise<void> } = {},
): Promise<void> {
  checkTarget(file, opts.force);
  const temp = writeTemp(file, data);
  try {
    await opts.beforeCommit?.();
  } catch (err) {
    rmSync(temp, { force: true });
    pending.delete(temp);
    throw err;
  }
  commit(temp, file, opts.force);
}
