/**
 * Where data lives. Kept apart from the loader so that finding the data directory does not
 * import the YAML parser or the schemas.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** The data directory shipped with the package. */
export const BUILT_IN_DATA_DIR = join(PACKAGE_ROOT, 'data');

/** Picks the data directory: --data, then CAREERS_DATA_DIR, then the built-in data. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? (env.CAREERS_DATA_DIR || undefined) ?? BUILT_IN_DATA_DIR;
}

/** Every YAML file of a data directory and of its roles/ folder: what a load reads. */
export function dataFiles(dataDir: string): string[] {
  const files: string[] = [];
  for (const dir of [dataDir, join(dataDir, 'roles')]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    // Joined by hand: path.join would normalise each of thousands of paths again.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const f of names.sort()) if (/\.ya?ml$/i.test(f)) files.push(prefix + f);
  }
  return files;
}
