/**
 * Relevance measurement for search: labelled queries in, top-1 / top-3 / MRR out, for our
 * ranking and for a plain Fuse.js baseline. Used by `npm run eval:search` and a regression test.
 */
import Fuse from 'fuse.js';
import type { Role } from '../model/schema.js';
import type { Catalog } from '../model/catalog.js';
import { hashName, normalize } from './word-index.js';

export interface LabeledQuery {
  query: string;
  /** O*NET-SOC codes any of which makes a hit correct. */
  expected: string[];
  type: string;
}

export interface Metrics {
  n: number;
  top1: number;
  top3: number;
  mrr: number;
}

/** Parses the benchmark TSV (query, expected codes comma-separated, type); # lines are comments. */
export function parseQueries(tsv: string): LabeledQuery[] {
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
export function rankOf(hits: Role[], expected: string[]): number | undefined {
  const i = hits.findIndex((r) => r.socCodes.some((c) => expected.includes(c)));
  return i < 0 ? undefined : i + 1;
}

function metrics(ranks: Array<number | undefined>): Metrics {
  const n = ranks.length;
  const share = (f: (r: number | undefined) => boolean) => (n ? ranks.filter(f).length / n : 0);
  return {
    n,
    top1: share((r) => r === 1),
    top3: share((r) => r !== undefined && r <= 3),
    mrr: n ? ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n : 0,
  };
}

/** Scores a ranking function over the queries, overall and per query type. */
export function evaluate(
  queries: LabeledQuery[],
  rank: (query: string) => Role[],
): { overall: Metrics; byType: Record<string, Metrics> } {
  const ranks = queries.map((q) => rankOf(rank(q.query), q.expected));
  const types = [...new Set(queries.map((q) => q.type))].sort();
  const byType = Object.fromEntries(
    types.map((t) => [t, metrics(ranks.filter((_, i) => queries[i]?.type === t))]),
  );
  return { overall: metrics(ranks), byType };
}

/** The baseline: plain Fuse.js with default options over title, aliases and O*NET titles. */
export function baselineRanker(catalog: Catalog): (query: string) => Role[] {
  const fuse = new Fuse(catalog.roles, { keys: ['title', 'aliases', ...TITLE_FIELDS] });
  return (query) => fuse.search(query, { limit: 10 }).map((r) => r.item);
}

/** Fields of a role listing the O*NET titles it goes by (alternate, reported, historic ones). */
const TITLE_FIELDS = ['onetTitles', 'historicTitles'] as const;

/** A role's O*NET titles, by field (empty when the role lists none). */
function titleLists(role: Role): Array<[string, string[]]> {
  const r = role as Role & Partial<Record<(typeof TITLE_FIELDS)[number], string[]>>;
  return TITLE_FIELDS.flatMap((f) => (r[f]?.length ? [[f, r[f]] as [string, string[]]] : []));
}

/**
 * The names a role is held out on in the k-fold set: its O*NET titles, or, for data that lists
 * none, its aliases.
 */
export function foldTitles(role: Role): string[] {
  const lists = titleLists(role);
  return lists.length ? lists.flatMap(([, l]) => l) : role.aliases;
}

/** The fold (0 to k - 1) a title falls in: by its normalised text, the same in every role. */
export function foldOf(title: string, k: number): number {
  return hashName(normalize(title)) % k;
}

/** One fold of the k-fold set: the roles without the fold's titles, and those titles as queries. */
export interface Fold {
  roles: Role[];
  queries: LabeledQuery[];
}

/**
 * Splits every role's titles (foldTitles) into k folds by foldOf, so a title shared by several
 * roles is held out of all of them at once. Fold f's roles lack every name equal to one of its
 * titles (in their aliases and title lists; a role's own title and O*NET occupation title stay);
 * its queries are those titles, each expecting the codes of every role that listed it. A title
 * equal to some role's own title or O*NET occupation title cannot be held out and is skipped.
 */
export function kFold(roles: readonly Role[], k = 5): Fold[] {
  const owners = new Map<string, { title: string; codes: Set<string> }>();
  const own = new Set(roles.flatMap((r) => [r.title, r.onetTitle ?? ''].map(normalize)));
  for (const role of roles) {
    for (const title of foldTitles(role)) {
      const key = normalize(title);
      if (!key || own.has(key)) continue;
      const o = owners.get(key) ?? { title, codes: new Set<string>() };
      for (const c of role.socCodes) o.codes.add(c);
      owners.set(key, o);
    }
  }
  return Array.from({ length: k }, (_, f) => {
    const out = (name: string) => owners.has(normalize(name)) && foldOf(name, k) === f;
    const kept = roles.map((role) => {
      const copy: Record<string, unknown> = {
        ...role,
        aliases: role.aliases.filter((a) => !out(a)),
      };
      for (const [field, list] of titleLists(role)) copy[field] = list.filter((t) => !out(t));
      return copy as Role;
    });
    const queries = [...owners]
      .filter(([key]) => foldOf(key, k) === f)
      .map(([, o]) => ({ query: o.title, expected: [...o.codes].sort(), type: 'k-fold' }));
    return { roles: kept, queries };
  });
}
