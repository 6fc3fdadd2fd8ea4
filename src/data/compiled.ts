/**
 * The built-in data, compiled at build time (scripts/compile-data.mjs) into one validated JSON
 * file, so a look-up on the built-in data parses no YAML and runs no schema checks. Used only
 * while it is newer than every file in data/; otherwise the YAML is loaded as usual.
 */
import { readFileSync, statSync } from 'node:fs';
import { dataFiles } from './dirs.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Metro, Role } from './schema.js';
import type { Synonyms } from './synonyms.js';
import type { Step } from './paths.js';

/** Where the build writes the compiled data, next to the compiled code. */
export const COMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'data.json');

export interface CompiledData {
  roles: Role[];
  metros: Metro[];
  synonyms: Synonyms;
  steps: Step[];
}

/** Newest modification time of the YAML files in a data directory (roles/ included). */
function newestSource(dataDir: string): number {
  return Math.max(0, ...dataFiles(dataDir).map((f) => statSync(f).mtimeMs));
}

/** The compiled built-in data, or undefined when it is missing, unreadable or older than data/. */
export function readCompiled(dataDir: string): CompiledData | undefined {
  try {
    if (statSync(COMPILED_FILE).mtimeMs < newestSource(dataDir)) return undefined;
    return JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as CompiledData;
  } catch {
    return undefined;
  }
}
