/**
 * Where data lives. Kept apart from the loader so that finding the data directory does not
 * import the YAML parser or the schemas.
 */
import { fileURLToPath } from 'node:url';

/** The data directory shipped with the package. */
export const BUILT_IN_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

/** Picks the data directory: --data, then CAREERS_DATA_DIR, then the built-in data. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? (env.CAREERS_DATA_DIR || undefined) ?? BUILT_IN_DATA_DIR;
}
