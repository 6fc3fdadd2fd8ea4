/**
 * Relevance regression test: the labelled benchmark in fixtures/search-queries.tsv must keep
 * the levels reached when the ranking was tuned (figures in the comments), and beat plain
 * Fuse.js on every query type. `npm run eval:search` prints the full table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, BUILT_IN_DATA_DIR } from '../../src/data/loader.js';
import { loadSynonyms } from '../../src/data/synonyms.js';
import { buildIndex, search } from '../../src/core/search.js';
import { baselineRanker, evaluate, parseQueries } from '../../src/core/relevance.js';
import { FIXTURES } from '../helpers.js';

const queries = parseQueries(readFileSync(join(FIXTURES, 'search-queries.tsv'), 'utf8'));
const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const index = buildIndex(catalog, loadSynonyms(BUILT_IN_DATA_DIR));
const ours = evaluate(queries, (q) => search(index, q, 10).map((h) => h.role));
const base = evaluate(queries, baselineRanker(catalog));

describe('search relevance benchmark', () => {
  test('has at least 300 labelled queries of three kinds', () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
    expect(Object.keys(ours.byType).sort()).toEqual(['held-back', 'lay', 'typo']);
  });

  test('keeps the levels reached (held-back 80.0% top-3, 64.0% top-1; lay 100%; typo 100%)', () => {
    expect(ours.byType['held-back']?.top3).toBeGreaterThanOrEqual(0.8);
    expect(ours.byType['held-back']?.top1).toBeGreaterThanOrEqual(0.64);
    expect(ours.byType.lay?.top3).toBeGreaterThanOrEqual(1);
    expect(ours.byType.typo?.top3).toBeGreaterThanOrEqual(1);
    expect(ours.overall.top3).toBeGreaterThanOrEqual(0.91);
    expect(ours.overall.mrr).toBeGreaterThanOrEqual(0.87);
  });

  test('beats the plain Fuse.js baseline on every query type', () => {
    for (const [type, m] of Object.entries(ours.byType)) {
      const b = base.byType[type];
      expect({ type, top3: m.top3 >= (b?.top3 ?? 1), mrr: m.mrr > (b?.mrr ?? 1) }).toEqual({
        type,
        top3: true,
        mrr: true,
      });
    }
  });
});
