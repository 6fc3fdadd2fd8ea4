/**
 * How far to trust a search: whether a query word is generic (many roles are named by it:
 * "clerk", "operator"), and whether the query names a job outside the catalogue (core/scope.ts)
 * rather than a back office one.
 */
import { entryField } from '../word-index.js';
import { outOfScope, titlesHolding, type Occupation } from '../scope.js';
import type { SearchIndex } from './index.js';
import { IS_NAME, TITLE_FIELD, namedRoleCount } from './candidates.js';
import { similarWords } from './typos.js';

/** A query word is generic when this many roles (or this share of them) name it. */
export const GENERIC_MIN_ROLES = 3;
export const GENERIC_SHARE = 0.08;
/**
 * A head noun is another trade's when no role's title has it and the outside occupations'
 * titles hold it at least this many times as often as roles name it ("engineer": 45 outside
 * titles, 5 roles; not "worker": 89 and 17, "operator": 80 and 25, "clerk": 5 and 43). At 4,
 * "worker" and "helper" counted too, and 7 more held-out O*NET titles of the k-fold set were
 * called out of scope ("Utility Worker"); at 8, 3 more.
 */
export const OUTSIDE_HEAD_RATIO = 8;
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
  if (tokens.length === 0) return undefined;
  const tables = index.tables();
  // For each query word, the index words naming it as typed, by stem, prefix or typo (not
  // through the bridge), and a visit of the catalogue's names holding one of them, each as
  // role × 2^16 + entry.
  const wordsOf = tokens.map((t) =>
    [...similarWords(index, t)].flatMap(([w, sim]) => (sim >= 0.7 ? [w] : [])),
  );
  const eachName = (t: number, visit: (name: number) => void) => {
    for (const w of wordsOf[t] as number[]) {
      const triples = tables.wordEntries.get(w);
      for (let i = 0; i < triples.length; i += 3)
        if (IS_NAME[entryField(triples[i + 2] as number)])
          visit((triples[i] as number) * 65536 + (triples[i + 1] as number));
    }
  };
  // Every word in one name of the catalogue: nothing to doubt. Checked from the word with the
  // fewest entries, so a common word ("clerk": thousands of names in a big catalog) is only
  // looked up in that short list, not gathered into one of its own.
  const size = wordsOf.map((ws) => ws.reduce((n, w) => n + tables.wordEntries.get(w).length, 0));
  const order = tokens.map((_, t) => t).sort((a, b) => (size[a] as number) - (size[b] as number));
  let common = new Set<number>();
  eachName(order[0] as number, (name) => common.add(name));
  for (const t of order.slice(1)) {
    if (common.size === 0) break;
    const both = new Set<number>();
    eachName(t, (name) => {
      if (common.has(name)) both.add(name);
    });
    common = both;
  }
  if (common.size > 0) return undefined;
  const occupations = index.occupations();
  if (occupations.length === 0) return undefined;
  const namedIn = tokens.map((_, t) => {
    const names = new Set<number>();
    eachName(t, (name) => names.add(name));
    return names;
  });
  // A title ends in its head noun, what the job is.
  const head = tokens.at(-1) as string;
  const headTitles = namedRoleCount(index, head, TITLE_FIELD);
  const headNamed = namedRoleCount(index, head);
  // When the head is another trade's ("Software Engineer"), a name of the catalogue that shares
  // only the other words ("Software Support Analyst") is no sign of a back office job: only
  // names that hold the head count as the catalogue's answer.
  const otherTrade =
    tokens.length >= 2 &&
    headTitles === 0 &&
    titlesHolding(head, occupations) >= OUTSIDE_HEAD_RATIO * Math.max(1, headNamed);
  const last = namedIn.length - 1;
  const inside = otherTrade
    ? namedIn.map((names, t) =>
        t === last ? names : new Set([...names].filter((n) => namedIn[last]?.has(n))),
      )
    : namedIn;
  const found = outOfScope(tokens, namedIn, occupations, inside);
  // When the head is that of some role's own title ("Commodities Clerk", "Mail Carriers
  // Supervisor"), only an outside title holding every word of the query ("Police Officer")
  // makes it another job.
  if (found && found.coverage < 1 && headTitles > 0) return undefined;
  // Nor is it another job when the outside title lacks the head noun that the catalogue's names
  // have ("Internal Auditor" is no "General Internal Medicine Physician"), unless the head is
  // another trade's.
  if (found && !found.covered.at(-1) && headNamed > 0 && !otherTrade) return undefined;
  return found?.occupation;
}
