/**
 * Loads a module when a command first needs it, not at start-up. Required, not imported: the
 * bundle runs as a V8-cached script, where Node 20 allows no import() (ES-only packages go
 * through io/import-esm.ts instead).
 */
import { createRequire } from 'node:module';

export function lazyRequire<T>(specifier: string): T {
  return createRequire(import.meta.url)(specifier) as T;
}
