/**
 * A cache of user data directories (--data, CAREERS_DATA_DIR): the parsed, validated data of a
 * directory is kept as JSON in the user cache directory, keyed by the path, size and
 * modification time of every data file (and the careers version). Editing any file makes a new
 * key; a missing, corrupt or stale cache entry is ignored and rebuilt. Set CAREERS_NO_CACHE=1
 * to bypass it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataFiles } from './dirs.js';
import type { CompiledData } from './compiled.js';
import { writeFileAtomic } from '../io/files.js';
import { version } from '../version.js';

/** Where cached catalogs go: $XDG_CACHE_HOME/careers, else ~/.cache/careers. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'careers');
}

/** A key that changes whenever any data file of the directory is added, removed or edited. */
export function cacheKey(dataDir: string): string {
  const hash = createHash('sha256').update(`careers ${version()}\n`);
  for (const file of dataFiles(dataDir)) {
    const st = statSync(file);
    hash.update(`${resolve(file)}\t${st.size}\t${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function entryFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  const name = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24);
  return join(cacheDir(env), `${name}.json`);
}

/** The cached data of a directory when its key still matches; undefined otherwise. */
export function readCache(env: NodeJS.ProcessEnv, dataDir: string): CompiledData | undefined {
  if (env.CAREERS_NO_CACHE) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryFile(env, dataDir), 'utf8')) as {
      key?: string;
      data?: CompiledData;
    };
    if (entry.key !== cacheKey(dataDir) || !Array.isArray(entry.data?.roles)) return undefined;
    return entry.data;
  } catch {
    return undefined;
  }
}

/** Stores a directory's data; a cache that cannot be written is silently skipped. */
export function writeCache(env: NodeJS.ProcessEnv, dataDir: string, data: CompiledData): void {
  if (env.CAREERS_NO_CACHE) return;
  try {
    mkdirSync(cacheDir(env), { recursive: true });
    writeFileAtomic(entryFile(env, dataDir), JSON.stringify({ key: cacheKey(dataDir), data }), {
      force: true,
    });
  } catch {
    // The cache only saves time; without it everything still works.
  }
}
