/**
 * Imports an ES module by name (inquirer is one). The bundle runs as a V8-cached script, where
 * Node 20 allows no import(); the build therefore ships this module as a file of its own
 * (dist/bundle/import-esm.cjs), which the bundle requires (scripts/bundle.mjs).
 */
export function importEsm<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
