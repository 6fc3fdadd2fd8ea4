/**
 * Provenance: which sources the catalog uses, and how many roles use each.
 */
import type { Source } from '../model/schema.js';
import { compareText, type Catalog } from '../model/catalog.js';

export interface SourceUse {
  source: Source;
  /** Ids of the roles citing it. */
  roles: string[];
}

/** Every distinct source (by id) in the catalog with the roles that cite it, most used first. */
export function sourceUsage(catalog: Catalog): SourceUse[] {
  const uses = new Map<string, SourceUse>();
  for (const role of catalog.roles) {
    for (const source of role.sources) {
      const use = uses.get(source.id) ?? { source, roles: [] };
      use.roles.push(role.id);
      uses.set(source.id, use);
    }
  }
  return [...uses.values()].sort(
    (a, b) => b.roles.length - a.roles.length || compareText(a.source.id, b.source.id),
  );
}
