/**
 * A cache of user data directories (--data, CAREERS_DATA_DIR): the parsed, validated data of a
 * directory and its search index are kept as a pack (store/pack.ts) in the user cache directory,
 * one file per directory, keyed by the code (careers version, build id, pack format) and the
 * path and signature (size, modification and change times, inode, device) of every data file. A missing, corrupt or foreign
 * entry is ignored and rebuilt. An entry of the same code whose files changed is reused: the
 * pack records which file gave which roles, so a load re-reads only the files added or edited
 * (the catalog and the search index are then built again from all roles; typo look-alikes are
 * found by search when a query asks, never stored for a --data directory).
 * Entries are written atomically (temp file, then rename), so two processes loading one
 * directory at once each write a whole entry and the last one stays. The cache keeps at most
 * MAX_ENTRIES entries and MAX_BYTES in all, dropping the least recently used. Set
 * CAREERS_NO_CACHE=1 to bypass it.
 */
import { lstatSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import type * as Crypto from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { dataFiles } from '../data/dirs.js';
import { PACK_FORMAT, packChunks, readPack, type Pack, type PackContents } from './pack.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeFileAtomic } from '../io/files.js';
import { listDir, makeDirs } from '../io/safe-fs.js';
import { lazyRequire } from '../io/lazy-require.js';
import { version } from '../version.js';

/** Most cache entries kept (one per data directory). */
export const MAX_ENTRIES = 8;
/** Most bytes all entries may take together (the newest entry is always kept). */
export const MAX_BYTES = 2 * 1024 ** 3;
/** An entry read is marked as used (its time updated) at most this often. */
const TOUCH_AFTER_MS = 24 * 3600 * 1000;
/** A temp file older than this is left over from a write that died. */
const STALE_TEMP_MS = 3600 * 1000;

/** Most names read from the cache directory when pruning it (it holds MAX_ENTRIES packs). */
const MAX_LISTED = 1000;

/**
 * Where cached catalogs go: $XDG_CACHE_HOME/careers, else ~/.cache/careers. A relative
 * XDG_CACHE_HOME is ignored, as the XDG spec says.
 */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : '';
  return join(base || join(homedir(), '.cache'), 'careers');
}

/** Says once per run that the cache is not used, and why; the run goes on without it. */
export type CacheWarning = (text: string) => void;

let warned = false;
function warnOnce(warn: CacheWarning | undefined, text: string): void {
  if (warned || !warn) return;
  warned = true;
  warn(`careers: warning: ${text}`);
}

/** The SHA-256 of a text, in hex; node:crypto is loaded only for a --data directory. */
function sha256(text: string): string {
  const { createHash } = lazyRequire<typeof Crypto>('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The id of the build that runs (a hash of the bundle, written by scripts/bundle.mjs), read once;
 * "none" when there is none (code run from src/ by the tests).
 */
let build: string | undefined;
export function buildId(): string {
  if (build === undefined) {
    try {
      build = readFileSync(join(PACKAGE_ROOT, 'dist', 'bundle', 'build-id'), 'utf8').trim();
    } catch {
      build = 'none';
    }
  }
  return build;
}

/**
 * What an entry's contents depend on besides the data: the careers version, the build (code that
 * indexes or validates differently makes other entries) and the pack format.
 */
export function codeKey(): string {
  return `careers ${version()} build ${buildId()} pack ${PACK_FORMAT}`;
}

/**
 * Each data file of a directory (absolute path) with its signature: size, modification and
 * change times and inode. An edit changes it, even one that keeps the size and restores the
 * modification time (the change time cannot be set back).
 */
export function fileSignatures(dataDir: string): Map<string, string> {
  const sigs = new Map<string, string>();
  for (const file of dataFiles(resolve(dataDir))) {
    const st = statSync(file);
    sigs.set(file, `${st.size}\t${st.mtimeMs}\t${st.ctimeMs}\t${st.ino}\t${st.dev}`);
  }
  return sigs;
}

/** The key of a directory whose files have these signatures (see cacheKey). */
export function keyOf(sigs: ReadonlyMap<string, string>): string {
  const lines = [codeKey()];
  for (const [file, sig] of sigs) lines.push(`${file}\t${sig}`);
  return sha256(lines.join('\n'));
}

/** A key that changes whenever any data file of the directory is added, removed or edited. */
export function cacheKey(dataDir: string): string {
  return keyOf(fileSignatures(dataDir));
}

/** The cache entry of a data directory. */
export function entryFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  const name = sha256(resolve(dataDir)).slice(0, 24);
  return join(cacheDir(env), `${name}.pack`);
}

/**
 * The cached data of a directory when its entry is sound and its key matches (any key when
 * `key` is undefined: an older entry, whose unchanged files a load can reuse); else undefined.
 */
export function readCache(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  key: string | undefined,
  warn?: CacheWarning,
): Pack | undefined {
  if (env.CAREERS_NO_CACHE) return undefined;
  const file = entryFile(env, dataDir);
  // Something else in the entry's place (a FIFO would block the open): skipped, with a word.
  try {
    if (!lstatSync(file).isFile()) {
      warnOnce(warn, `the cache entry ${file} is not a regular file; it is not used`);
      return undefined;
    }
  } catch {
    return undefined; // no entry yet
  }
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

/**
 * Stores a directory's data. A cache that cannot be written is skipped with one warning (the
 * cache only saves time; without it everything still works, only slower next time).
 */
export function writeCache(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  contents: PackContents,
  warn?: CacheWarning,
): void {
  if (env.CAREERS_NO_CACHE) return;
  const dir = cacheDir(env);
  try {
    // Bounded: Node's recursive mkdir spins forever under e.g. XDG_CACHE_HOME=/proc/self.
    makeDirs(dir);
    const file = entryFile(env, dataDir);
    writeFileAtomic(file, packChunks(contents), { force: true });
    pruneCache(dir, file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code ?? (e instanceof RangeError ? 'the data is too big to cache' : e.message);
    warnOnce(
      warn,
      `cannot write the cache in ${dir} (${String(why)}); the next run reads the data again (CAREERS_NO_CACHE=1 skips the cache)`,
    );
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
  for (const name of listDir(dir, MAX_LISTED)) {
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
