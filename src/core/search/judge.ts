/**
 * How far to trust a search: whether a query word is generic (many roles are named by it:
 * "clerk", "operator"), and whether the query names a job outside the catalogue (core/scope.ts)
 * rather than a back office one.
 */
import { FIELD_SHIFT } from '../word-index.js';
import { outOfScope, type Occupation } from '../scope.js';
import type { SearchIndex } from './index.js';
import { NAME_FIELDS, TITLE_FIELD, namedRoleCount } from './candidates.js';
import { similarWords } from './typos.js';

/** A query word is generic when this many roles (or this share of them) name it. */
export const GENERIC_MIN_ROLES = 3;
export const GENERIC_SHARE = 0.08;
/**
 * True when a word is generic: many roles have it (as typed or by stem) in their names ("clerk",
 * "operator"), at least GENERIC_MIN_ROLES and GENERIC_SHARE of them.
 */
export function generic(index: SearchIndex, token: string): boolean {
  const roles = namedRoleCount(index, token);
  return roles >= GENERIC_MIN_ROLES && roles >= GENERIC_SHARE * index.catalog.size;
}

/**
 * The O*NET occupation outside the catalogue a query names, if its title covers clearly more of
 * the query's words than the catalogue's names do (core/scope.ts).
 */
export function outsideOccupation(index: SearchIndex, tokens: string[]): Occupation | undefined {
  const tables = index.tables();
  // For each query word, the catalogue's names holding it as typed, by stem, prefix or typo
  // (not through the bridge), as role × 2^16 + entry.
  const namedIn = tokens.map((t) => {
    const names = new Set<number>();
    for (const [w, sim] of similarWords(index, t)) {
      if (sim < 0.7) continue;
      const triples = tables.wordEntries.get(w);
      for (let i = 0; i < triples.length; i += 3)
        if (NAME_FIELDS.has(Math.floor((triples[i + 2] as number) / FIELD_SHIFT)))
          names.add((triples[i] as number) * 65536 + (triples[i + 1] as number));
    }
    return names;
  });
  // Every word in some name of the catalogue: nothing to doubt.
  if (namedIn.every((names) => names.size > 0) && tokens.length > 0) {
    const common = namedIn.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    if (common.size > 0) return undefined;
  }
  const occupations = index.occupations();
  if (occupations.length === 0) return undefined;
  const found = outOfScope(tokens, namedIn, occupations);
  // A title ends in its head noun: when that is the head of some role's own title ("Commodities
  // Clerk", "Mail Carriers Supervisor"), only an outside title holding every word of the query
  // ("Police Officer") makes it another job.
  const head = tokens.at(-1) as string;
  if (found && found.coverage < 1 && namedRoleCount(index, head, TITLE_FIELD) > 0) return undefined;
  // Nor is it another job when the outside title lacks the head noun that the catalogue's names
  // have ("Internal Auditor" is no "General Internal Medicine Physician").
  if (found && !found.covered.at(-1) && namedRoleCount(index, head) > 0) return undefined;
  return found?.occupation;
}
