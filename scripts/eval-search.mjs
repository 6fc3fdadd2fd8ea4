// Prints search relevance (top-1, top-3, MRR) per query set, for careers' ranking and for a plain
// Fuse.js baseline over title, aliases and O*NET titles. Usage: npm run eval:search (builds
// first) [-- flags]
//
// Query sets:
//   k-fold        every role's O*NET titles in 5 folds (by a hash of the title, so a title
//                 several roles share is held out of all of them): each fold's titles are removed
//                 from the roles, the index is built in process without them, and they are
//                 queried; the figures pool the 5 folds (each title is queried once)
//   lay, typo     (and held-back while the fixture has it) __tests__/fixtures/search-queries.tsv,
//                 on the whole index
//   posting       hand-written job-posting titles (__tests__/fixtures/search-postings.tsv) with
//                 levels, schedules, departments and places; rows whose codes are not in the
//                 catalog are counted as "pending", not ranked
//   out-of-scope  queries for jobs that are not back office jobs: correct when search says so
//                 (for Fuse.js: when it finds nothing)
//
// Flags:
//   --check-pack        also rank every fixture query on the index compiled into dist/data.pack
//                       (with its stored typo lists, as the CLI reads it) and report any query
//                       that ranks differently there than on the index built in memory; and
//                       check, for every word of 4+ letters of the fixture queries, that the
//                       typo candidates the word index proposes hold every known word within the
//                       typo budget (whole word, start or stem), so Fuse.js over every known
//                       word could keep none they lack
//   --json              one JSON document instead of the table (the regression test reads it)
//   --sample N          query only every Nth title of each k-fold fold (the regression test
//                       uses it to stay quick; the folds and their indexes are the same)
//   --misses            list the queries whose expected role is not in the top 3
//   --ceiling           also print the lexical ceiling: the share of queries where at least one
//                       word of the query (as typed, or any reading with abbreviations expanded
//                       or synonyms swapped) occurs in a searchable text of an expected role,
//                       exactly, by stem or as the start of a word (k-fold: of the fold's roles).
//                       Typo matches are left out. A query no word of which reaches the expected
//                       role cannot be found by any ranking of the same texts: this share bounds
//                       top-3 and top-1 from above. Typo queries are left out.
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../dist/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../dist/data/dirs.js';
import { makeCatalog } from '../dist/model/catalog.js';
import { buildIndex } from '../dist/core/search/index.js';
import { search, searchQuery } from '../dist/core/search/rank.js';
import { editDistance, typoCandidates } from '../dist/core/search/typos.js';
import { queryVariants, queryWords } from '../dist/core/search/query.js';
import { stem } from '../dist/core/word-index.js';
import { entryTexts, entryWords } from '../dist/core/word-index.js';
import { loadSynonyms } from '../dist/data/synonyms.js';
import { readCompiled } from '../dist/store/compiled.js';
import { baselineRanker, kFold, parseQueries, rankOf } from './lib/relevance.mjs';
import { outsideOf } from '../dist/core/scope.js';
import { builtInOccupations } from '../dist/data/occupations.js';

const FOLDS = 5;
const sampleAt = process.argv.indexOf('--sample');
const SAMPLE = sampleAt > 0 ? Number(process.argv[sampleAt + 1]) : 1;
if (!Number.isInteger(SAMPLE) || SAMPLE < 1) throw new Error('--sample takes a whole number >= 1');
const OUT_OF_SCOPE = 'out-of-scope';
const fixture = (name) =>
  parseQueries(readFileSync(new URL(`../__tests__/fixtures/${name}`, import.meta.url), 'utf8'));
const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const synonyms = loadSynonyms(BUILT_IN_DATA_DIR);
// The WordNet bridge comes from the pack the build compiled (it is computed at build time).
const compiled = readCompiled(BUILT_IN_DATA_DIR);
if (!compiled) throw new Error('no compiled data: run npm run build');
const language = (roles) => {
  const outside = outsideOf(builtInOccupations(), roles);
  return { bridge: () => compiled.bridge, occupations: () => outside };
};
const index = buildIndex(catalog, synonyms, language(catalog.roles));
const codes = new Set(catalog.roles.flatMap((r) => r.socCodes));

const postings = fixture('search-postings.tsv');
const fixtureQueries = [
  ...fixture('search-queries.tsv'),
  ...postings.filter((q) => q.type !== 'posting' || q.expected.some((c) => codes.has(c))),
];
const pending = postings.filter(
  (q) => q.type === 'posting' && !q.expected.some((c) => codes.has(c)),
);

/** Ranked hits of a query as text (id, score, matched text), to compare rankings exactly. */
const shown = (hits) =>
  hits.map((h) => `${h.role.id} ${h.score} ${h.matched.field}:${h.matched.value}`);

/**
 * Ranks queries on an index (and Fuse.js on its catalog): the ranks of each, and the queries
 * search says are out of scope.
 */
function rankAll(queries, idx, cat) {
  const base = baselineRanker(cat);
  const rows = [];
  for (const q of queries) {
    const result = searchQuery(idx, q.query, 10);
    const hits = result.hits;
    rows.push({
      q,
      hits,
      ours: result.outOfScope ? [] : hits.map((h) => h.role),
      base: base(q.query),
      outOfScope: hits.length === 0 || result.outOfScope !== undefined,
      saidOutOfScope: result.outOfScope,
    });
  }
  return rows;
}

const fixtureRows = rankAll(fixtureQueries, index, catalog);
const folds = kFold(catalog.roles, FOLDS).map((fold) => {
  const cat = makeCatalog(fold.roles, catalog.metros, catalog.dataDir);
  const idx = buildIndex(cat, synonyms, language(fold.roles));
  const queries = fold.queries.filter((_, i) => i % SAMPLE === 0);
  return { fold: { ...fold, queries }, cat, idx, rows: rankAll(queries, idx, cat) };
});
const allRows = [...folds.flatMap((f) => f.rows), ...fixtureRows];

/** Metrics per set: for out-of-scope queries, "top-1" is the share said to be out of scope. */
function metricsOf(rows, which) {
  const types = [...new Set(rows.map((r) => r.q.type))];
  const out = {};
  for (const t of types) {
    const set = rows.filter((r) => r.q.type === t);
    if (t === OUT_OF_SCOPE) {
      const said = set.filter((r) => (which === 'ours' ? r.outOfScope : r.base.length === 0));
      const share = said.length / set.length;
      out[t] = { n: set.length, top1: share, top3: share, top10: share, mrr: share };
      continue;
    }
    const ranks = set.map((r) => rankOf(r[which], r.q.expected));
    const n = ranks.length;
    out[t] = {
      n,
      top1: ranks.filter((x) => x === 1).length / n,
      top3: ranks.filter((x) => x !== undefined && x <= 3).length / n,
      top10: ranks.filter((x) => x !== undefined && x <= 10).length / n,
      mrr: ranks.reduce((s, x) => s + (x ? 1 / x : 0), 0) / n,
    };
  }
  return out;
}
const ours = metricsOf(allRows, 'ours');
const baseline = metricsOf(allRows, 'base');
/** In-scope queries (k-fold, lay, posting) search wrongly calls out of scope. */
const falseOutOfScope = Object.fromEntries(
  ['k-fold', 'lay', 'posting'].map((t) => {
    const set = allRows.filter((r) => r.q.type === t);
    return [t, set.filter((r) => r.saidOutOfScope !== undefined).length];
  }),
);

/** The lexical ceiling of some queries on some roles (see --ceiling above). */
function lexicalCeiling(queries, roles, idx) {
  // Keyword lists match only exactly or by stem (as in the search), the other texts by prefix too.
  const roleWords = roles.map(() => new Set());
  const roleStems = roles.map(() => new Set());
  roles.forEach((role, r) => {
    for (const [field, text] of entryTexts(role)) {
      for (const w of entryWords(text)) {
        if (field !== 'keyword') roleWords[r].add(w);
        roleStems[r].add(stem(w));
      }
    }
  });
  const sorted = roleWords.map((s) => [...s]);
  const reaches = (word, r) =>
    roleStems[r].has(stem(word)) || (word.length >= 3 && sorted[r].some((x) => x.startsWith(word)));
  const byType = {};
  const unreachable = [];
  for (const q of queries.filter((x) => x.type !== 'typo' && x.type !== OUT_OF_SCOPE)) {
    const expected = roles.flatMap((r, i) =>
      r.socCodes.some((c) => q.expected.includes(c)) ? [i] : [],
    );
    const readings = queryVariants(queryWords(q.query), idx.synonyms);
    const hit = (w) => expected.some((r) => reaches(w, r));
    const any = readings.some((v) => v.some(hit));
    const all = readings.some((v) => v.every(hit));
    const t = byType[q.type] ?? { n: 0, any: 0, all: 0 };
    byType[q.type] = { n: t.n + 1, any: t.any + Number(any), all: t.all + Number(all) };
    if (!any) unreachable.push(q);
  }
  return { byType, unreachable };
}
function ceilings() {
  const parts = [
    lexicalCeiling(fixtureQueries, catalog.roles, index),
    ...folds.map((f) => lexicalCeiling(f.fold.queries, f.fold.roles, f.idx)),
  ];
  const byType = {};
  for (const p of parts) {
    for (const [t, c] of Object.entries(p.byType)) {
      const o = byType[t] ?? { n: 0, any: 0, all: 0 };
      byType[t] = { n: o.n + c.n, any: o.any + c.any, all: o.all + c.all };
    }
  }
  return { byType, unreachable: parts.flatMap((p) => p.unreachable) };
}

// Every fixture query ranked on the pack the build compiled (stored typo lists, names table),
// next to the index built in memory above.
let onPack;
if (process.argv.includes('--check-pack')) {
  const pack = compiled;
  const packed = buildIndex(pack.catalog(BUILT_IN_DATA_DIR), pack.synonyms, {
    tables: pack.words,
    names: pack.names,
    ...language(catalog.roles),
  });
  const mine = new Map(fixtureRows.map((r) => [r.q.query, shown(r.hits)]));
  const differences = fixtureQueries
    .map((q) => ({
      query: q.query,
      memory: mine.get(q.query),
      pack: shown(search(packed, q.query, 10)),
    }))
    .filter((d) => JSON.stringify(d.memory) !== JSON.stringify(d.pack));
  onPack = { queries: fixtureQueries.length, differences, candidates: candidateCheck() };
}

/** Query words checked, and "word → known word" pairs the typo candidates lack (none, if right). */
function candidateCheck() {
  const tables = index.tables();
  const stems = tables.words.map(stem);
  const tokens = new Set(
    fixtureQueries.flatMap((q) => entryWords(q.query)).filter((w) => w.length >= 4),
  );
  // The budget typos.ts allows: 1 typo up to 7 letters, 2 from 8, 3 from 12.
  const budget = (n) => Math.min(3, Math.max(1, Math.floor(n / 4)));
  const near = (a, b, k) => Math.abs(a.length - b.length) <= k && editDistance(a, b) <= k;
  const missing = [];
  for (const token of tokens) {
    const k = budget(token.length);
    const candidates = new Set(typoCandidates(tables, token).map((i) => tables.words[i]));
    tables.words.forEach((w, i) => {
      const keeps =
        near(token, w, k) ||
        (w.length > token.length && near(token, w.slice(0, token.length), k)) ||
        near(stem(token), stems[i], k);
      if (keeps && !candidates.has(w)) missing.push(`${token} → ${w}`);
    });
  }
  return { words: tokens.size, missing };
}

const types = Object.keys(ours).sort(
  (a, b) =>
    ['k-fold', 'held-back', 'lay', 'typo', 'posting', OUT_OF_SCOPE].indexOf(a) -
    ['k-fold', 'held-back', 'lay', 'typo', 'posting', OUT_OF_SCOPE].indexOf(b),
);
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      roles: catalog.roles.length,
      folds: folds.map((f) => f.fold.queries.length),
      pending: pending.length,
      ours,
      baseline,
      falseOutOfScope,
      ceiling: process.argv.includes('--ceiling') ? ceilings().byType : undefined,
      onPack,
    }),
  );
  process.exit(0);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (name, m, b) =>
  `${name.padEnd(13)} ${String(m.n).padStart(5)}  ${pct(m.top1)} ${pct(m.top3)} ${m.mrr.toFixed(3).padStart(6)}   ${pct(b.top1)} ${pct(b.top3)} ${b.mrr.toFixed(3).padStart(6)}`;
console.log(
  `Search relevance (${catalog.roles.length} roles): k-fold over ${folds.reduce((s, f) => s + f.fold.queries.length, 0)} O*NET titles in ${FOLDS} folds, and ${fixtureQueries.length} fixture queries\n`,
);
console.log(
  `${''.padEnd(13)} ${'n'.padStart(5)}  ${'careers ranking'.padEnd(23)}   plain Fuse.js baseline`,
);
console.log(
  `${'set'.padEnd(13)} ${''.padStart(5)}  ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}   ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}`,
);
for (const t of types) console.log(row(t, ours[t], baseline[t]));
console.log(
  `\nout-of-scope: the share said to be out of scope (Fuse.js: the share it finds nothing for).` +
    `\nIn-scope queries said to be out of scope: ${Object.entries(falseOutOfScope)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}.` +
    (pending.length
      ? `\n${pending.length} posting titles wait for roles not in the catalog yet (${[...new Set(pending.flatMap((q) => q.expected))].join(', ')}).`
      : '') +
    (ours['k-fold']
      ? `\nk-fold: the expected role is among the 10 hits for ${pct(ours['k-fold'].top10).trim()} of the titles` +
        ` (no re-ordering of the hits takes top-3 past that).`
      : ''),
);
if (onPack) {
  const n = onPack.differences.length;
  console.log(
    n === 0
      ? `Every one of the ${onPack.queries} fixture queries ranks the same on the compiled pack as in memory.`
      : `${n} queries rank differently on the compiled pack:`,
  );
  for (const d of onPack.differences.slice(0, 10))
    console.log(
      `  ${d.query}\n    memory: ${d.memory.join(' | ')}\n    pack:   ${d.pack.join(' | ')}`,
    );
  const { words, missing } = onPack.candidates;
  console.log(
    missing.length === 0
      ? `The typo candidates of all ${words} fixture query words hold every known word within their typo budget.`
      : `${missing.length} near words missing from the typo candidates: ${missing.slice(0, 10).join(', ')}`,
  );
}
if (process.argv.includes('--misses')) {
  console.log('\nMisses (not in top 3; out-of-scope: not said to be):');
  for (const r of allRows) {
    const top = r.hits
      .slice(0, 3)
      .map((h) => h.role.id)
      .join(', ');
    if (r.q.type === OUT_OF_SCOPE) {
      if (!r.outOfScope) console.log(`  [${r.q.type}] ${r.q.query} → ${top}`);
      continue;
    }
    const rank = rankOf(r.ours, r.q.expected);
    if (rank === undefined || rank > 3)
      console.log(
        `  [${r.q.type}] ${r.q.query} → ${top || '(nothing)'}${r.saidOutOfScope ? ` (said out of scope: ${r.saidOutOfScope.title})` : ''} (want ${r.q.expected.join(',')})`,
      );
  }
}

if (process.argv.includes('--ceiling')) {
  const { byType, unreachable } = ceilings();
  console.log(
    '\nLexical ceiling (a query word occurs in an expected role: exactly, by stem or prefix)',
  );
  console.log(
    `${'set'.padEnd(13)} ${'n'.padStart(5)}  ${'any word'.padStart(9)} ${'every word'.padStart(11)}`,
  );
  for (const [t, c] of Object.entries(byType).sort()) {
    console.log(
      `${t.padEnd(13)} ${String(c.n).padStart(5)}  ${pct(c.any / c.n).padStart(9)} ${pct(c.all / c.n).padStart(11)}`,
    );
  }
  console.log('\nUnreachable (no word of the query occurs in an expected role):');
  for (const q of unreachable)
    console.log(`  [${q.type}] ${q.query} (want ${q.expected.join(',')})`);
}
