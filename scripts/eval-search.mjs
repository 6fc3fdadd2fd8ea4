// Prints search relevance (top-1, top-3, MRR) overall and per query type, for careers' ranking
// and for a plain Fuse.js baseline. Usage: npm run eval:search (builds first).
//   --misses   also lists the queries whose expected role is not in the top 3
//   --json     prints the figures as JSON (the regression test reads this)
//   --ceiling  also prints the lexical ceiling: the share of queries where at least one word of
//              the query (as typed, or any reading with abbreviations expanded or synonyms swapped)
//              occurs in a searchable text of an expected role, exactly, by stem or as the start
//              of a word. Typo matches are left out (held-back titles are spelled right, so a typo
//              match is luck). A query no word of which reaches the expected role cannot be found
//              by any ranking of the same texts: this share bounds top-3 and top-1 from above.
//              Typo queries are left out (they are meant to be reached by typo matching).
import { readFileSync } from 'node:fs';
import { loadCatalog, BUILT_IN_DATA_DIR } from '../dist/data/loader.js';
import { buildIndex, search, queryVariants, queryWords, stem } from '../dist/core/search.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { baselineRanker, evaluate, parseQueries } from '../dist/core/relevance.js';

const queries = parseQueries(
  readFileSync(new URL('../__tests__/fixtures/search-queries.tsv', import.meta.url), 'utf8'),
);
const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const index = buildIndex(catalog, loadSynonyms(BUILT_IN_DATA_DIR));
const ours = evaluate(queries, (q) => search(index, q, 10).map((h) => h.role));
const base = evaluate(queries, baselineRanker(catalog));

/** The lexical ceiling per query type (see --ceiling above), and the queries out of reach. */
function lexicalCeiling() {
  // Keyword lists match only exactly or by stem (as in the search), the other texts by prefix too.
  const { entries } = index.tables();
  const roleWords = catalog.roles.map(() => new Set());
  const roleStems = catalog.roles.map(() => new Set());
  for (const e of entries) {
    for (const w of e.words) {
      if (e.field !== 'keyword') roleWords[e.role].add(w);
      roleStems[e.role].add(stem(w));
    }
  }
  const reaches = (word, r) =>
    roleStems[r].has(stem(word)) ||
    (word.length >= 3 && [...roleWords[r]].some((x) => x.startsWith(word)));
  const byType = {};
  const unreachable = [];
  for (const q of queries.filter((x) => x.type !== 'typo')) {
    const expected = catalog.roles.flatMap((r, i) =>
      r.socCodes.some((c) => q.expected.includes(c)) ? [i] : [],
    );
    const readings = queryVariants(queryWords(q.query), index.synonyms);
    const hit = (w) => expected.some((r) => reaches(w, r));
    const any = readings.some((v) => v.some(hit));
    const all = readings.some((v) => v.every(hit));
    const t = byType[q.type] ?? { n: 0, any: 0, all: 0 };
    byType[q.type] = { n: t.n + 1, any: t.any + Number(any), all: t.all + Number(all) };
    if (!any) unreachable.push(q);
  }
  return { byType, unreachable };
}

if (process.argv.includes('--json')) {
  const ceiling = lexicalCeiling().byType;
  console.log(JSON.stringify({ queries: queries.length, ours, baseline: base, ceiling }));
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

if (process.argv.includes('--ceiling')) {
  const { byType, unreachable } = lexicalCeiling();
  console.log(
    '\nLexical ceiling (a query word occurs in an expected role: exactly, by stem or prefix)',
  );
  console.log(
    `${'type'.padEnd(10)} ${'n'.padStart(4)}  ${'any word'.padStart(9)} ${'every word'.padStart(11)}`,
  );
  for (const [t, c] of Object.entries(byType).sort()) {
    console.log(
      `${t.padEnd(10)} ${String(c.n).padStart(4)}  ${pct(c.any / c.n).padStart(9)} ${pct(c.all / c.n).padStart(11)}`,
    );
  }
  console.log('\nUnreachable (no word of the query occurs in an expected role):');
  for (const q of unreachable)
    console.log(`  [${q.type}] ${q.query} (want ${q.expected.join(',')})`);
}
