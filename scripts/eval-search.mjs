// Prints search relevance (top-1, top-3, MRR) overall and per query type, for careers' ranking
// and for a plain Fuse.js baseline. Usage: npm run eval:search (builds first).
import { readFileSync } from 'node:fs';
import { loadCatalog, BUILT_IN_DATA_DIR } from '../dist/data/loader.js';
import { buildIndex, search } from '../dist/core/search.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { baselineRanker, evaluate, parseQueries } from '../dist/core/relevance.js';

const queries = parseQueries(
  readFileSync(new URL('../__tests__/fixtures/search-queries.tsv', import.meta.url), 'utf8'),
);
const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const index = buildIndex(catalog, loadSynonyms(BUILT_IN_DATA_DIR));
const ours = evaluate(queries, (q) => search(index, q, 10).map((h) => h.role));
const base = evaluate(queries, baselineRanker(catalog));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ queries: queries.length, ours, baseline: base }));
  process.exit(0);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (name, m, b) =>
  `${name.padEnd(10)} ${String(m.n).padStart(4)}  ${pct(m.top1)} ${pct(m.top3)} ${m.mrr.toFixed(3).padStart(6)}   ${pct(b.top1)} ${pct(b.top3)} ${b.mrr.toFixed(3).padStart(6)}`;
console.log(
  `Search relevance on ${queries.length} labelled queries (${catalog.roles.length} roles)\n`,
);
console.log(
  `${''.padEnd(10)} ${'n'.padStart(4)}  ${'careers ranking'.padEnd(23)}   plain Fuse.js baseline`,
);
console.log(
  `${'type'.padEnd(10)} ${''.padStart(4)}  ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}   ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}`,
);
for (const t of Object.keys(ours.byType)) console.log(row(t, ours.byType[t], base.byType[t]));
console.log(row('overall', ours.overall, base.overall));
if (process.argv.includes('--misses')) {
  console.log('\nMisses (not in top 3):');
  for (const q of queries) {
    const hits = search(index, q.query, 10).map((h) => h.role);
    const i = hits.findIndex((r) => r.socCodes.some((c) => q.expected.includes(c)));
    if (i < 0 || i > 2)
      console.log(
        `  [${q.type}] ${q.query} → ${
          hits
            .slice(0, 3)
            .map((r) => r.id)
            .join(', ') || '(nothing)'
        } (want ${q.expected.join(',')})`,
      );
  }
}
