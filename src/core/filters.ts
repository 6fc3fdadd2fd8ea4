/**
 * Filtering and sorting for `list` and `export`: pure functions over the catalog.
 */
import type { Metro, Role } from '../model/schema.js';
import { compareText, headlineSalary, type Catalog } from '../model/catalog.js';
import { normalize } from './word-index.js';

export type SortKey = 'title' | 'salary';
export const SORT_KEYS: readonly SortKey[] = ['title', 'salary'];

export interface RoleFilters {
  industry?: string;
  city?: string;
  tool?: string;
  minSalary?: number;
  /** Only these role ids. */
  ids?: string[];
  sort?: SortKey;
}

/** Finds the metro a user means by "NYC", "new york", "Houston", a metro id or a BLS area name. */
export function findMetro(metros: Metro[], name: string): Metro | undefined {
  const wanted = normalize(name);
  if (!wanted) return undefined;
  return (
    metros.find((m) =>
      [m.id, m.name, m.blsName, ...m.aliases].some((n) => normalize(n) === wanted),
    ) ??
    (wanted.length >= 3 ? metros.find((m) => normalize(m.blsName).includes(wanted)) : undefined)
  );
}

function roleInCity(role: Role, wanted: string, metro: Metro | undefined): boolean {
  return role.cities.some(
    (c) => (metro !== undefined && c.metro === metro.id) || normalize(c.name) === wanted,
  );
}

/** Applies the list filters and sort; unmatched filters simply leave an empty list. */
export function filterRoles(catalog: Catalog, f: RoleFilters): Role[] {
  let roles = catalog.roles;
  if (f.ids !== undefined) {
    const wanted = new Set(f.ids);
    roles = roles.filter((r) => wanted.has(r.id));
  }
  if (f.industry !== undefined) {
    const wanted = normalize(f.industry);
    roles = roles.filter((r) => r.industries.some((i) => normalize(i).includes(wanted)));
  }
  if (f.city !== undefined) {
    const wanted = normalize(f.city);
    const metro = findMetro(catalog.metros, f.city);
    roles = roles.filter((r) => roleInCity(r, wanted, metro));
  }
  if (f.tool !== undefined) {
    const wanted = normalize(f.tool);
    roles = roles.filter((r) =>
      [...r.software, ...r.tools].some((t) => normalize(t.name).includes(wanted)),
    );
  }
  if (f.minSalary !== undefined) {
    const min = f.minSalary;
    roles = roles.filter((r) => (headlineSalary(r)?.median ?? -1) >= min);
  }
  const byTitle = (a: Role, b: Role) => compareText(a.title, b.title);
  if (f.sort === 'salary') {
    const median = (r: Role) => headlineSalary(r)?.median ?? -1;
    return [...roles].sort((a, b) => median(b) - median(a) || byTitle(a, b));
  }
  return [...roles].sort(byTitle);
}
