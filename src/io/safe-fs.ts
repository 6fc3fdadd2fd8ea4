/**
 * File system steps that cannot hang: opening only regular files (a FIFO would block the open
 * forever), making directories in a bounded number of steps (Node's recursive mkdir spins
 * forever under /proc/self), and listing a directory up to a limit.
 */
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  opendirSync,
  openSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Opens a file for reading only if it is a regular file: opened non-blocking (so a FIFO or a
 * device cannot block the open), then checked. Returns the descriptor, or throws an error with
 * code ENOTREG for anything but a regular file.
 */
export function openRegularFile(file: string): number {
  const fd = openNonBlocking(file);
  try {
    if (!fstatSync(fd).isFile()) {
      throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    }
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function openNonBlocking(file: string): number {
  return openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
}

/** Most directory levels makeDirs creates or climbs. */
export const MAX_DIR_DEPTH = 64;

/**
 * mkdir -p in at most MAX_DIR_DEPTH steps: climbs to the nearest existing directory, then
 * creates each level down. Throws on the first failure (ENOENT, EACCES, ENOTDIR...).
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (let depth = 0; ; depth++) {
    if (depth > MAX_DIR_DEPTH)
      throw Object.assign(new Error(`${dir} is too deep`), { code: 'ELOOP' });
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err;
    }
  }
}

/** The names in a directory, at most `max` of them (a huge or endless listing is cut short). */
export function listDir(dir: string, max: number): string[] {
  const names: string[] = [];
  const handle = opendirSync(dir);
  try {
    for (let entry = handle.readSync(); entry && names.length < max; entry = handle.readSync())
      names.push(entry.name);
  } finally {
    handle.closeSync();
  }
  return names;
}
