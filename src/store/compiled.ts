/**
 * The built-in data, compiled at build time (scripts/compile-data.mjs) into one validated pack
 * with its search index (store/pack.ts), so a look-up on the built-in data parses no YAML, runs no
 * schema checks and builds no index. Used only while it is newer than every file in data/;
 * otherwise the YAML is loaded as usual.
 */
import { statSync } from 'node:fs';
import { dataFiles } from '../data/dirs.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { readPack, type Pack } from './pack.js';

/** Where the build writes the compiled data, next to the compiled code. */
export const COMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'data.pack');

/** The key of the built-in pack. */
export const COMPILED_KEY = 'built-in';

/** Newest modification time of the YAML files in a data directory (roles/ included). */
function newestSource(dataDir: string): number {
  return Math.max(0, ...dataFiles(dataDir).map((f) => statSync(f).mtimeMs));
}

/** The compiled built-in data, or undefined when it is missing, unreadable or older than data/. */
export function readCompiled(dataDir: string): Pack | undefined {
  try {
    if (statSync(COMPILED_FILE).mtimeMs < newestSource(dataDir)) return undefined;
  } catch {
    return undefined;
  }
  return readPack(COMPILED_FILE, COMPILED_KEY, () => [
    'Rebuild it with "npm run build", or reinstall careers.',
  ]);
}
