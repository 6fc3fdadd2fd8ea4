/**
 * Relevance measurement for search: labelled queries in, top-1 / top-3 / MRR out, for our
 * ranking and for a plain Fuse.js baseline. Used by `npm run eval:search` and a regression test.
 */
import Fuse from 'fuse.js';
import type { Role } from '../model/schema.js';
import type { Catalog } from '../model/catalog.js';

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

/** The baseline: plain Fuse.js with default options over title and aliases. */
export function baselineRanker(catalog: Catalog): (query: string) => Role[] {
  const fuse = new Fuse(catalog.roles, { keys: ['title', 'aliases'] });
  return (query) => fuse.search(query, { limit: 10 }).map((r) => r.item);
}
