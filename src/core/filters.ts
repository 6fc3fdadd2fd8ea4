/**
 * Filtering and sorting for `list` and `export`: pure functions over the catalog.
 */
import type { Metro, Role } from '../model/schema.js';
import { compareText, headlineSalary, type Catalog } from '../model/catalog.js';
import { normalize } from './word-index.js';
import { editDistance } from './search/typos.js';
import { money } from '../text.js';

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

/** A tool or software word this far (in edits) from a --tool value is offered as "did you mean". */
const TOOL_TYPO = 2;

/**
 * Why the filters leave no role, as sentences: each filter that matches nothing by itself, with
 * what the data does hold (the metros with pay figures, the nearest tool names, the highest
 * median); or, when each matches some roles, that no role meets them all.
 */
export function explainNoMatch(catalog: Catalog, f: RoleFilters): string[] {
  const alone = (g: RoleFilters) => filterRoles(catalog, g).length > 0;
  const why: string[] = [];
  if (f.city !== undefined && !alone({ city: f.city })) {
    const metros = catalog.metros.map((m) => m.name).sort(compareText);
    why.push(
      findMetro(catalog.metros, f.city)
        ? `no role has figures or mentions for ${f.city}`
        : `no city called "${f.city}" in the data; pay figures cover ${metros.length} metros: ${metros.join(', ')}`,
    );
  }
  if (f.tool !== undefined && !alone({ tool: f.tool })) {
    const wanted = normalize(f.tool);
    const names = [
      ...new Set(catalog.roles.flatMap((r) => [...r.software, ...r.tools].map((t) => t.name))),
    ];
    const near = new Map<string, number>();
    for (const name of names)
      for (const word of normalize(name).split(' ')) {
        const d = editDistance(wanted, word);
        if (d <= TOOL_TYPO && d < Math.max(wanted.length, word.length) / 2)
          near.set(word, Math.min(near.get(word) ?? d, d));
      }
    const best = [...near].sort((a, b) => a[1] - b[1] || compareText(a[0], b[0])).slice(0, 3);
    why.push(
      `no role lists software or a tool named "${f.tool}"` +
        (best.length ? `; did you mean ${best.map(([w]) => w).join(', ')}?` : ''),
    );
  }
  if (f.minSalary !== undefined && !alone({ minSalary: f.minSalary })) {
    const top = Math.max(0, ...catalog.roles.map((r) => headlineSalary(r)?.median ?? 0));
    why.push(
      `no role's national median reaches ${money(f.minSalary)}; the highest is ${money(top)}`,
    );
  }
  if (f.industry !== undefined && !alone({ industry: f.industry })) {
    const known = [...new Set(catalog.roles.flatMap((r) => r.industries))].sort(compareText);
    why.push(
      `no role is placed in an industry called "${f.industry}"` +
        (known.length ? `; known industries: ${known.join(', ')}` : ''),
    );
  }
  if (why.length === 0) why.push('each filter matches some roles, but no role matches all of them');
  return why;
}

/** True when enough roles name their industries for --industry to mean something. */
export function industriesKnown(catalog: Catalog): boolean {
  return catalog.roles.filter((r) => r.industries.length > 0).length * 2 >= catalog.roles.length;
}
