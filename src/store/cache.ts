/**
 * A cache of user data directories (--data, CAREERS_DATA_DIR): the parsed, validated data of a
 * directory and its search index are kept as a pack (store/pack.ts) in the user cache directory,
 * one file per directory, keyed by the path, size and modification time of every data file (and
 * the careers version). Editing any file makes a new key; a missing, corrupt or stale entry is
 * ignored and rebuilt, and writing a directory's entry replaces its old one. The cache keeps at
 * most MAX_ENTRIES entries and MAX_BYTES in all, dropping the least recently used. Set
 * CAREERS_NO_CACHE=1 to bypass it.
 */
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import type * as Crypto from 'node:crypto';
import { join, resolve } from 'node:path';
import { dataFiles } from '../data/dirs.js';
import { packChunks, readPack, type Pack, type PackContents } from './pack.js';
import { writeFileAtomic } from '../io/files.js';
import { version } from '../version.js';

/** Most cache entries kept (one per data directory). */
export const MAX_ENTRIES = 8;
/** Most bytes all entries may take together (the newest entry is always kept). */
export const MAX_BYTES = 2 * 1024 ** 3;
/** An entry read is marked as used (its time updated) at most this often. */
const TOUCH_AFTER_MS = 24 * 3600 * 1000;
/** A temp file older than this is left over from a write that died. */
const STALE_TEMP_MS = 3600 * 1000;

/** Where cached catalogs go: $XDG_CACHE_HOME/careers, else ~/.cache/careers. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'careers');
}

/**
 * The SHA-256 of a text, in hex; node:crypto is loaded only for a --data directory. (Required,
 * not imported: the bundle runs as a V8-cached script, where Node 20 allows no import().)
 */
function sha256(text: string): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return createHash('sha256').update(text).digest('hex');
}

/** A key that changes whenever any data file of the directory is added, removed or edited. */
export function cacheKey(dataDir: string): string {
  const lines = [`careers ${version()}`];
  for (const file of dataFiles(resolve(dataDir))) {
    const st = statSync(file);
    lines.push(`${file}\t${st.size}\t${st.mtimeMs}`);
  }
  return sha256(lines.join('\n'));
}

/** The cache entry of a data directory. */
export function entryFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  const name = sha256(resolve(dataDir)).slice(0, 24);
  return join(cacheDir(env), `${name}.pack`);
}

/** The cached data of a directory when its entry is sound and its key matches; else undefined. */
export function readCache(env: NodeJS.ProcessEnv, dataDir: string, key: string): Pack | undefined {
  if (env.CAREERS_NO_CACHE) return undefined;
  const file = entryFile(env, dataDir);
  const pack = readPack(file, key, () => {
    rmSync(file, { force: true });
    return ['The damaged cache entry was removed; run the command again to rebuild it.'];
  });
  if (pack) {
    try {
      if (Date.now() - statSync(file).mtimeMs > TOUCH_AFTER_MS)
        utimesSync(file, new Date(), new Date());
    } catch {
      // Only the eviction order depends on it.
    }
  }
  return pack;
}

/** Stores a directory's data; a cache that cannot be written is silently skipped. */
export function writeCache(env: NodeJS.ProcessEnv, dataDir: string, contents: PackContents): void {
  if (env.CAREERS_NO_CACHE) return;
  try {
    mkdirSync(cacheDir(env), { recursive: true });
    const file = entryFile(env, dataDir);
    writeFileAtomic(file, packChunks(contents), { force: true });
    pruneCache(cacheDir(env), file);
  } catch {
    // The cache only saves time; without it everything still works.
  }
}

/**
 * Keeps the cache directory bounded: at most MAX_ENTRIES entries and MAX_BYTES, least recently
 * used dropped first (`keep`, the entry just written, always stays); entries of older careers
 * versions (*.json) and temp files of writes that died go too.
 */
export function pruneCache(
  dir: string,
  keep: string,
  limits = { entries: MAX_ENTRIES, bytes: MAX_BYTES },
): void {
  const entries: Array<{ file: string; used: number; bytes: number }> = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    let st;
    try {
      st = statSync(file);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    if (/\.json$/.test(name)) rmSync(file, { force: true });
    else if (/\.tmp$/.test(name) && Date.now() - st.mtimeMs > STALE_TEMP_MS)
      rmSync(file, { force: true });
    else if (/\.pack$/.test(name)) entries.push({ file, used: st.mtimeMs, bytes: st.size });
  }
  entries.sort((a, b) => Number(b.file === keep) - Number(a.file === keep) || b.used - a.used);
  let bytes = 0;
  entries.forEach((e, i) => {
    bytes += e.bytes;
    if (i > 0 && (i >= limits.entries || bytes > limits.bytes)) rmSync(e.file, { force: true });
  });
}
