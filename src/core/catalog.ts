/**
 * The catalog: every role and metro, with the lookups the commands need.
 * Pure data; built by the loader, read by search, filters and renderers.
 */
import type { Metro, Role, Salary } from '../data/schema.js';

export interface Catalog {
  roles: Role[];
  byId: Map<string, Role>;
  metros: Metro[];
  metroById: Map<string, Metro>;
  /** Directory the data came from. */
  dataDir: string;
  /**
   * Every string is known to be free of control and escape characters, so renderers need not
   * clean the catalog: true for the built-in data, which the build refuses to compile otherwise.
   */
  clean: boolean;
}

/** Builds a catalog with its indexes; roles keep the order given. */
export function makeCatalog(
  roles: Role[],
  metros: Metro[],
  dataDir: string,
  clean = false,
): Catalog {
  return {
    roles,
    byId: new Map(roles.map((r) => [r.id, r])),
    metros,
    metroById: new Map(metros.map((m) => [m.id, m])),
    dataDir,
    clean,
  };
}

/** The salary entry used as a role's headline figure: the first one with a median. */
export function headlineSalary(role: Role): Salary | undefined {
  return role.salary.find((s) => s.median !== undefined);
}

/** The latest price parity of a metro (value and year), if the data has one. */
export function latestRpp(metro: Metro): { year: number; value: number } | undefined {
  return [...metro.rpp].sort((a, b) => b.year - a.year)[0];
}

/**
 * Orders text case-insensitively by code point. Used instead of localeCompare, whose first call
 * loads the ICU collator (about 10 ms of every run); our strings are English titles and ids.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
