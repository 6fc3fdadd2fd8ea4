/**
 * Relevance measurement for search (used by scripts/eval-search.mjs, which the search-eval test
 * runs): labelled queries, the k-fold split of O*NET titles, the rank of the first correct hit,
 * and a plain Fuse.js baseline. Evaluation code, so it lives with the scripts, not in src/.
 * @typedef {import('../../dist/model/schema.js').Role} Role
 * @typedef {{ query: string, expected: string[], type: string }} LabeledQuery expected: the
 *   O*NET-SOC codes any of which makes a hit correct
 */
import Fuse from 'fuse.js';
import { hashName, normalize } from '../../dist/core/word-index.js';

/** Parses the benchmark TSV (query, expected codes comma-separated, type); # lines are comments. */
/** @param {string} tsv @returns {LabeledQuery[]} */
export function parseQueries(tsv) {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((line) => {
      const [query = '', expected = '', type = ''] = line.split('\t');
      return { query, expected: expected.split(',').filter(Boolean), type };
    });
}

/** 1-based rank of the first correct role, or undefined when none of the hits is correct. */
/** @param {Role[]} hits @param {string[]} expected @returns {number | undefined} */
export function rankOf(hits, expected) {
  const i = hits.findIndex((r) => r.socCodes.some((c) => expected.includes(c)));
  return i < 0 ? undefined : i + 1;
}

/** The baseline: plain Fuse.js with default options over title, aliases and O*NET titles. */
/** @param {{ roles: Role[] }} catalog @returns {(query: string) => Role[]} */
export function baselineRanker(catalog) {
  const fuse = new Fuse(catalog.roles, { keys: ['title', 'aliases', ...TITLE_FIELDS] });
  return (query) => fuse.search(query, { limit: 10 }).map((r) => r.item);
}

/** Fields of a role listing the O*NET titles it goes by (alternate, reported, historic ones). */
const TITLE_FIELDS = ['onetTitles', 'historicTitles'];

/** A role's O*NET titles, by field (empty when the role lists none). */
/** @param {Role} role @returns {Array<[string, string[]]>} */
function titleLists(role) {
  return TITLE_FIELDS.flatMap((f) => (role[f]?.length ? [[f, role[f]]] : []));
}

/**
 * The names a role is held out on in the k-fold set: its O*NET titles, or, for data that lists
 * none, its aliases.
 */
/** @param {Role} role @returns {string[]} */
function foldTitles(role) {
  const lists = titleLists(role);
  return lists.length ? lists.flatMap(([, l]) => l) : role.aliases;
}

/** The fold (0 to k - 1) a title falls in: by its normalised text, the same in every role. */
/** @param {string} title @param {number} k */
function foldOf(title, k) {
  return hashName(normalize(title)) % k;
}

/**
 * One fold of the k-fold set: the roles without the fold's titles, and those titles as queries.
 * @typedef {{ roles: Role[], queries: LabeledQuery[] }} Fold
 */

/**
 * Splits every role's titles (foldTitles) into k folds by foldOf, so a title shared by several
 * roles is held out of all of them at once. Fold f's roles lack every name equal to one of its
 * titles (in their aliases and title lists; a role's own title and O*NET occupation title stay);
 * its queries are those titles, each expecting the codes of every role that listed it. A title
 * equal to some role's own title or O*NET occupation title cannot be held out and is skipped.
 */
/** @param {readonly Role[]} roles @returns {Fold[]} */
export function kFold(roles, k = 5) {
  /** @type {Map<string, { title: string, codes: Set<string> }>} */
  const owners = new Map();
  const own = new Set(roles.flatMap((r) => [r.title, r.onetTitle ?? ''].map(normalize)));
  for (const role of roles) {
    for (const title of foldTitles(role)) {
      const key = normalize(title);
      if (!key || own.has(key)) continue;
      const o = owners.get(key) ?? { title, codes: new Set() };
      for (const c of role.socCodes) o.codes.add(c);
      owners.set(key, o);
    }
  }
  return Array.from({ length: k }, (_, f) => {
    const out = (/** @type {string} */ name) =>
      owners.has(normalize(name)) && foldOf(name, k) === f;
    const kept = roles.map((role) => {
      const copy = {
        ...role,
        aliases: role.aliases.filter((a) => !out(a)),
      };
      for (const [field, list] of titleLists(role)) copy[field] = list.filter((t) => !out(t));
      return copy;
    });
    const queries = [...owners]
      .filter(([key]) => foldOf(key, k) === f)
      .map(([, o]) => ({ query: o.title, expected: [...o.codes].sort(), type: 'k-fold' }));
    return { roles: kept, queries };
  });
}
