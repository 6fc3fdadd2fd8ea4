// Prints search relevance (top-1, top-3, MRR) overall and per query type, for careers' ranking
// and for a plain Fuse.js baseline. Usage: npm run eval:search (builds first) [-- flags]
//   --no-narrowing      Fuse.js scans every known word for typos instead of the candidates the
//                       word index proposes (slower; the figures must be the same)
//   --check-narrowing   also rank every query both ways and report any difference
//   --json              one JSON document instead of the table (the regression test reads it)
//   --misses            list the queries whose expected role is not in the top 3
//   --ceiling           also print the lexical ceiling: the share of queries where at least one
//                       word of the query (as typed, or any reading with abbreviations expanded
//                       or synonyms swapped) occurs in a searchable text of an expected role,
//                       exactly, by stem or as the start of a word. Typo matches are left out
//                       (held-back titles are spelled right, so a typo match is luck). A query
//                       no word of which reaches the expected role cannot be found by any
//                       ranking of the same texts: this share bounds top-3 and top-1 from above.
//                       Typo queries are left out (they are meant to be reached by typos).
import { readFileSync } from 'node:fs';
import { loadCatalog, BUILT_IN_DATA_DIR } from '../dist/data/loader.js';
import { buildIndex, search, queryVariants, queryWords, stem } from '../dist/core/search.js';
import { entryTexts, entryWords } from '../dist/core/word-index.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { readCompiled } from '../dist/store/compiled.js';
import { baselineRanker, evaluate, parseQueries } from '../dist/core/relevance.js';

const queries = parseQueries(
  readFileSync(new URL('../__tests__/fixtures/search-queries.tsv', import.meta.url), 'utf8'),
);
const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const synonyms = loadSynonyms(BUILT_IN_DATA_DIR);
const narrow = !process.argv.includes('--no-narrowing');
const index = buildIndex(catalog, synonyms, { narrow });
/** Ranked hits of a query as text (id, score, matched text), to compare rankings exactly. */
const shown = (hits) =>
  hits.map((h) => `${h.role.id} ${h.score} ${h.matched.field}:${h.matched.value}`);
const ranked = new Map();
const ours = evaluate(queries, (q) => {
  const hits = search(index, q, 10);
  ranked.set(q, shown(hits));
  return hits.map((h) => h.role);
});
const base = evaluate(queries, baselineRanker(catalog));

/** The lexical ceiling per query type (see --ceiling above), and the queries out of reach. */
function lexicalCeiling() {
  // Keyword lists match only exactly or by stem (as in the search), the other texts by prefix too.
  const roleWords = catalog.roles.map(() => new Set());
  const roleStems = catalog.roles.map(() => new Set());
  catalog.roles.forEach((role, r) => {
    for (const [field, text] of entryTexts(role)) {
      for (const w of entryWords(text)) {
        if (field !== 'keyword') roleWords[r].add(w);
        roleStems[r].add(stem(w));
      }
    }
  });
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

// Every query ranked with Fuse.js over every known word, next to the narrowed candidates (the
// index built in memory above, and the one compiled into dist/data.pack with its stored typo
// lists, as the CLI reads it).
let narrowing;
if (process.argv.includes('--check-narrowing')) {
  const pack = readCompiled(BUILT_IN_DATA_DIR);
  if (!pack) throw new Error('no compiled data: run npm run build');
  const onPack = buildIndex(pack.catalog(BUILT_IN_DATA_DIR), pack.synonyms, {
    tables: pack.words,
    names: pack.names,
  });
  const inMemory = narrow ? index : buildIndex(catalog, synonyms);
  const full = buildIndex(catalog, synonyms, { narrow: false });
  const differences = queries
    .map((q) => ({
      query: q.query,
      narrowed: narrow ? ranked.get(q.query) : shown(search(inMemory, q.query, 10)),
      pack: shown(search(onPack, q.query, 10)),
      full: shown(search(full, q.query, 10)),
    }))
    .filter((d) => JSON.stringify([d.narrowed, d.pack]) !== JSON.stringify([d.full, d.full]));
  narrowing = { queries: queries.length, differences };
}

if (process.argv.includes('--json')) {
  const ceiling = lexicalCeiling().byType;
  console.log(
    JSON.stringify({ queries: queries.length, narrow, ours, baseline: base, ceiling, narrowing }),
  );
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
console.log(
  `\nTypos: ${narrow ? 'Fuse.js on the candidates the word index proposes' : 'Fuse.js over every known word (--no-narrowing)'}`,
);
if (narrowing) {
  const n = narrowing.differences.length;
  console.log(
    n === 0
      ? `Every one of the ${narrowing.queries} queries ranks the same with and without narrowing (in memory and on the pack).`
      : `${n} queries rank differently without narrowing:`,
  );
  for (const d of narrowing.differences.slice(0, 10))
    console.log(
      `  ${d.query}\n    narrowed: ${d.narrowed.join(' | ')}\n    pack:     ${d.pack.join(' | ')}\n    full:     ${d.full.join(' | ')}`,
    );
}
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
