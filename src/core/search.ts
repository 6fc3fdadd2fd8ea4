/**
 * Fuzzy search over roles and the role-name resolver shared by every command that takes a
 * role name.
 *
 * How ranking works:
 * - Every searchable text of a role (title, each alias, software, tool, skill, task, the summary
 *   and its keyword list) is an "entry", split into words (core/word-index.ts keeps them as
 *   numbered tables).
 * - The query is read as typed and also with abbreviations expanded and synonyms swapped in
 *   (data/synonyms.yaml); each reading is scored and the best counts (others slightly less).
 * - Each query word is matched to known words exactly, by prefix or stem, or as a typo: 0–1.
 *   Typos: a walk over the sorted word list (as a trie) proposes the words within the allowed
 *   edit distance of the query word, its start or its stem; Fuse.js scores those and an
 *   edit-distance check keeps real near-misses. A pack stores what Fuse.js matched for every
 *   known word, so only a query word the index does not know needs the walk. (With
 *   `narrow: false` Fuse.js scans every word instead: the same words come out, only slower; the
 *   eval and a test check both agree.)
 * - Query words are weighted by rarity across roles (IDF): "payroll" says more than "clerk";
 *   a word found nowhere counts only a little. Rarity is counted outside the keyword lists unless
 *   a word is only found there.
 * - An entry scores the weighted mean over the query words, nudged up when it covers the whole
 *   entry, times its field's weight (title > alias > O*NET title > historic title > software >
 *   tool > skill > task > summary > keywords; keywords match only exactly or by stem, never as a prefix or typo). A role
 *   scores its best entry, blended with how well all its texts together cover the query and a
 *   small bonus for a second matching text.
 * - In big catalogs only the MAX_CANDIDATES roles with the best cheap pre-score (from the word
 *   → roles lists) are scored in full, from the entries holding their matching words.
 */
import Fuse from 'fuse.js';
import type { Role } from '../model/schema.js';
import type { Catalog } from '../model/catalog.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Synonyms } from '../data/synonyms.js';
import {
  FIELD_NAMES,
  FIELD_SHIFT,
  NAME_ALIAS,
  NAME_TAG_BITS,
  NAME_TITLE,
  buildNameIndex,
  buildWordIndex,
  entryTexts,
  entryWords,
  find,
  hashName,
  listsOf,
  lowerBound,
  normalize,
  otherNames,
  stem,
  wordIndexOf,
  words,
  type Lists,
  type SearchField,
  type WordIndex,
} from './word-index.js';

export { normalize, words, stem, type SearchField } from './word-index.js';

const NO_SYNONYMS: Synonyms = { abbreviations: {}, synonyms: [] };

/** Fields searched, with how much a match there counts. */
export const SEARCH_FIELDS = {
  title: { label: 'title', weight: 1 },
  alias: { label: 'alias', weight: 0.93 },
  onet: { label: 'O*NET title', weight: 0.85 },
  // Titles of obsolete machines and trades still find their role, below every current title.
  historic: { label: 'historic title', weight: 0.72 },
  software: { label: 'software', weight: 0.8 },
  tool: { label: 'tool', weight: 0.75 },
  skill: { label: 'skill', weight: 0.7 },
  task: { label: 'task', weight: 0.65 },
  summary: { label: 'summary', weight: 0.6 },
  keyword: { label: 'keyword', weight: 0.5 },
} as const satisfies Record<SearchField, { label: string; weight: number }>;

/** Field weights by field code (the position in FIELD_NAMES). */
const FIELD_WEIGHTS = FIELD_NAMES.map((f) => SEARCH_FIELDS[f].weight);
/** The field code of keyword lists. */
const KEYWORD_FIELD = FIELD_NAMES.indexOf('keyword');

/** How Fuse.js matches one query word against known words. */
const FUSE_OPTIONS = { includeScore: true, threshold: 0.4, location: 0, distance: 8 } as const;

export interface SearchIndex {
  catalog: Catalog;
  synonyms: Synonyms;
  /** The word tables: given (read from a file), or built from the catalog on first fuzzy search. */
  tables: () => WordIndex;
  /** The role-names table exact look-ups use: given, or built on first use. */
  names: () => Lists;
  /** False makes Fuse.js scan every known word for typos instead of the proposed candidates. */
  narrow: boolean;
  /** Words (numbers) similar to each query word seen so far; the index never changes, so neither do they. */
  similarCache: Map<string, Map<number, number>>;
  /** The roles having a word similar to each query word seen so far, with the best similarity. */
  rolesCache: Map<string, TokenRoles>;
  /** Fuse.js over every known word, made when `narrow` is false. */
  allWords?: Fuse<string>;
}

export interface IndexOptions {
  /** Word tables read from a file; else they are built from the catalog when first needed. */
  tables?: WordIndex;
  /** A names table read from a file; else built when first needed. */
  names?: Lists;
  /** See SearchIndex.narrow; true unless set. */
  narrow?: boolean;
}

export interface SearchHit {
  role: Role;
  /** Relevance from 0 (barely) to 1 (every query word matched exactly). */
  score: number;
  /** The field and the text in it that matched best. */
  matched: { field: (typeof SEARCH_FIELDS)[SearchField]['label']; value: string };
}

/** Longest query accepted, in characters; the rest is ignored so a pasted essay cannot stall the search. */
export const MAX_QUERY_LENGTH = 200;
/** Most query words considered. */
const MAX_QUERY_WORDS = 12;
/** Weight of a query word found nowhere, relative to the average known word. */
const UNKNOWN_WORD_WEIGHT = 0.3;
/** A query word found as typed is probably spelled right: its look-alikes count this share. */
const KNOWN_WORD_TYPO_SHARE = 0.8;
/** Roles scored in full per query reading; the rest are ranked out by a cheap pre-score. */
export const MAX_CANDIDATES = 150;
/** Most readings of one query tried (abbreviations expanded, synonyms swapped). */
const MAX_VARIANTS = 16;
/** A reading other than the query as typed counts slightly less. */
const VARIANT_DISCOUNT = 0.97;
/** How much the role as a whole (all its texts) counts against its single best-matching text. */
const ROLE_LEVEL_SHARE = 0.4;
/** Share of a role's second-best match added to its best one. */
const SUPPORT_BONUS = 0.1;
/** Hits below this relevance are dropped... */
const MIN_RELEVANCE = 0.3;
/** ...and so are hits far weaker than the best one (below this share of its score). */
const RELATIVE_CUTOFF = 0.5;

/**
 * Makes the search index for a catalog, once per run. Tables not given are built from the
 * catalog when first needed (exact name look-ups need no word tables).
 */
export function buildIndex(
  catalog: Catalog,
  synonyms: Synonyms = NO_SYNONYMS,
  options: IndexOptions = {},
): SearchIndex {
  let tables = options.tables;
  let names = options.names;
  return {
    catalog,
    synonyms,
    tables: () => (tables ??= wordIndexOf(buildWordIndex(catalog.roles))),
    names: () => (names ??= listsOf(buildNameIndex(catalog.roles))),
    narrow: options.narrow ?? true,
    similarCache: new Map(),
    rolesCache: new Map(),
  };
}

/**
 * Edit distance with adjacent swaps (optimal string alignment): "acountant" → "accountant" is 1,
 * "data entery" → "entry" is 1, "recieve" → "receive" is 1.
 */
export function editDistance(a: string, b: string): number {
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Typos tolerated in a word of this length: 1 up to 7 letters, 2 from 8, 3 from 12. */
function allowedTypos(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/** Block size of the longest-word table. */
const BLOCK = 32;
/** The length of the longest word in each block of BLOCK words of a list, made once per list. */
const longestInBlock = new WeakMap<readonly string[], Int32Array>();

/** True when some word of list[lo..hi) has at least `length` letters. */
function hasWordOf(list: readonly string[], lo: number, hi: number, length: number): boolean {
  let blocks = longestInBlock.get(list);
  if (!blocks) {
    blocks = new Int32Array(Math.ceil(list.length / BLOCK));
    for (let i = 0; i < list.length; i++) {
      const b = (i / BLOCK) | 0;
      blocks[b] = Math.max(blocks[b] as number, (list[i] as string).length);
    }
    longestInBlock.set(list, blocks);
  }
  let i = lo;
  for (; i < hi && i % BLOCK !== 0; i++) if ((list[i] as string).length >= length) return true;
  for (; i + BLOCK <= hi; i += BLOCK) if ((blocks[i / BLOCK] as number) >= length) return true;
  for (; i < hi; i++) if ((list[i] as string).length >= length) return true;
  return false;
}

/**
 * Adds to `out` the words of a sorted list within `k` typos (edit distance with adjacent swaps,
 * as editDistance) of `target`, and with `prefixes` also every longer word whose first
 * target.length letters are that close. Walks the list as a trie: a run of words sharing a
 * prefix is one node, with one row of the edit-distance table per letter of the prefix; a branch
 * is left once no longer prefix can come within k, or when all its words are too short.
 */
export function nearWords(
  list: readonly string[],
  target: string,
  k: number,
  prefixes: boolean,
  out: Set<number>,
): void {
  const m = target.length;
  const width = m + 1;
  const maxDepth = m + k;
  // rows[d * width + j]: distance between the walk's first d letters and target's first j,
  // capped at k + 1 (only whether a cell is within k matters), computed only in the band
  // |d - j| <= k (outside it the distance is over k anyway).
  const far = k + 1;
  const rows = new Int32Array((maxDepth + 1) * width).fill(far);
  for (let j = 0; j <= Math.min(m, k); j++) rows[j] = j;
  const mins = new Int32Array(maxDepth + 1);
  const goal = Int32Array.from(target, (c) => c.charCodeAt(0));
  const path = new Int32Array(maxDepth + 1);
  // Words list[lo..hi) all start with the same `depth` letters, whose row is filled in.
  const visit = (lo: number, hi: number, depth: number): void => {
    // Words shorter than m - k are too far as whole words and too short to start with m letters.
    if (m - k > depth && !hasWordOf(list, lo, hi, m - k)) return;
    const row = depth * width;
    const distance = rows[row + m] as number;
    // The prefix itself is a word only as the first of the run.
    if ((list[lo] as string).length === depth) {
      if (distance <= k) out.add(lo);
      lo++;
    }
    if (prefixes && depth === m && distance <= k) {
      for (let i = lo; i < hi; i++) out.add(i);
      return;
    }
    if (lo >= hi || depth >= maxDepth) return;
    // Row d+1 is at least min(row d, row d-1 + 1): past this no extension comes within k.
    if ((mins[depth] as number) > k && (depth === 0 || (mins[depth - 1] as number) >= k)) return;
    const next = row + width;
    const from = Math.max(1, depth + 1 - k);
    const to = Math.min(m, depth + 1 + k);
    while (lo < hi) {
      const c = (list[lo] as string).charCodeAt(depth);
      let a = lo + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((list[mid] as string).charCodeAt(depth) <= c) a = mid + 1;
        else b = mid;
      }
      path[depth] = c;
      // Cells outside the band keep the `far` they started with: no row is written there.
      let min = Math.min(depth + 1, far);
      rows[next] = min;
      // (Comparisons, not Math.min: this runs cold, in the interpreter, where calls cost most.)
      const swapped = depth >= 1 ? path[depth - 1] : -1;
      for (let j = from; j <= to; j++) {
        let d = (rows[row + j - 1] as number) + (c === goal[j - 1] ? 0 : 1);
        const up = (rows[row + j] as number) + 1;
        if (up < d) d = up;
        const left = (rows[next + j - 1] as number) + 1;
        if (left < d) d = left;
        if (j >= 2 && c === goal[j - 2] && swapped === goal[j - 1]) {
          const swap = (rows[row - width + j - 2] as number) + 1;
          if (swap < d) d = swap;
        }
        if (d > far) d = far;
        rows[next + j] = d;
        if (d < min) min = d;
      }
      mins[depth + 1] = min;
      visit(lo, a, depth + 1);
      lo = a;
    }
  };
  if (list.length > 0) visit(0, list.length, 0);
}

/**
 * Words that may be a typo of the token: within the allowed edit distance as a whole word, by
 * their start, or by their stem. Every word the typo check in similarWords can keep is here.
 */
export function typoCandidates(tables: WordIndex, token: string): number[] {
  const k = allowedTypos(token.length);
  const out = new Set<number>();
  nearWords(tables.words, token, k, true, out);
  const stems = new Set<number>();
  nearWords(tables.stems, stem(token), k, false, stems);
  for (const s of stems) for (const w of tables.stemWords.get(s)) out.add(w);
  return [...out].sort((a, b) => a - b);
}

/** The words Fuse.js matches to a token among its typo candidates. */
function fuzzyAmongCandidates(tables: WordIndex, token: string): number[] {
  const candidates = typoCandidates(tables, token);
  const fuse = new Fuse(
    candidates.map((w) => tables.words[w] as string),
    FUSE_OPTIONS,
  );
  return fuse.search(token).map((r) => candidates[r.refIndex] as number);
}

/**
 * For every known word of 4 letters or more, the words Fuse.js matches to it among its typo
 * candidates. A pack stores these lists, so a query word the index knows needs no search for
 * its typos at run time.
 */
export function typoLists(tables: WordIndex): number[][] {
  return tables.words.map((w) => (w.length >= 4 ? fuzzyAmongCandidates(tables, w) : []));
}

/**
 * Fuse.js matches of a token: stored for a known word, else among its typo candidates; or,
 * when not narrowing, among every known word.
 */
function fuzzyMatches(index: SearchIndex, token: string, known: number): number[] {
  const tables = index.tables();
  if (!index.narrow) {
    index.allWords ??= new Fuse(tables.words, FUSE_OPTIONS);
    return index.allWords.search(token).map((r) => r.refIndex);
  }
  if (known >= 0 && tables.typos) return [...tables.typos.get(known)];
  return fuzzyAmongCandidates(tables, token);
}

/**
 * Similarity of each known word (by number) to one query word: exact 1, same stem or prefix 0.9
 * ("admin" → "administrative"), and for typos 0.85 scaled down by the edit distance (and by
 * KNOWN_WORD_TYPO_SHARE when the query word is itself a known word: "retention" is no typo for
 * "reception"). Fuse.js matches the fuzzy candidates; the edit distance keeps only real
 * near-misses of the whole word or its start.
 */
function similarWords(index: SearchIndex, token: string): Map<number, number> {
  const cached = index.similarCache.get(token);
  if (cached) return cached;
  const found = new Map<number, number>();
  index.similarCache.set(token, found);
  const keep = (word: number, sim: number) => {
    if (sim > (found.get(word) ?? 0)) found.set(word, sim);
  };
  const tables = index.tables();
  const known = tables.words;
  const exact = find(known, token);
  if (exact >= 0) keep(exact, 1);
  const stemmed = find(tables.stems, stem(token));
  if (stemmed >= 0) for (const word of tables.stemWords.get(stemmed)) keep(word, 0.9);
  if (token.length >= 3) {
    for (let w = lowerBound(known, token); known[w]?.startsWith(token); w++) keep(w, 0.9);
  }
  if (token.length >= 4) {
    const share = exact >= 0 ? KNOWN_WORD_TYPO_SHARE : 1;
    for (const w of fuzzyMatches(index, token, exact)) {
      const word = known[w] as string;
      // The whole word, its start ("admn" for "administrative") or its stem may carry the typo;
      // the last two count a little less.
      const ways: Array<[number, number]> = [
        [editDistance(token, word), 0],
        [
          word.length > token.length ? editDistance(token, word.slice(0, token.length)) : Infinity,
          0.05,
        ],
        [editDistance(stem(token), stem(word)), 0.05],
      ];
      for (const [typos, penalty] of ways) {
        if (typos <= allowedTypos(token.length))
          keep(w, share * 0.85 * (1 - typos / Math.max(token.length, 4)) - penalty);
      }
    }
  }
  return found;
}

/** The same word, or the same stem: how keywords match (prefixes and typos there are mostly noise). */
function stemMatch(word: string, token: string): boolean {
  return word === token || stem(word) === stem(token);
}

/**
 * Forgets the words matched to query words so far, and lists kept after reading them from a
 * file, so the next query runs as in a fresh process (benchmarks clear it between queries).
 */
export function clearSearchCache(index: SearchIndex): void {
  index.similarCache.clear();
  index.rolesCache.clear();
  index.tables().forget?.();
}

/** Checks and cleans a user query; throws a usage error when nothing searchable is left. */
export function queryWords(raw: string): string[] {
  const all = words(raw.slice(0, MAX_QUERY_LENGTH));
  const unique = [
    ...new Set(
      all.length > 0 ? all : normalize(raw.slice(0, MAX_QUERY_LENGTH)).split(' ').filter(Boolean),
    ),
  ];
  if (unique.length === 0)
    throw new UsageError('the search query is empty; give a job title, skill or tool');
  return unique.slice(0, MAX_QUERY_WORDS);
}

interface RoleScore {
  score: number;
  /** The best-matching entry, by its number within the role (see entryTexts). */
  entry: number;
}

/** The roles having some word similar to a query word, and the best similarity in each. */
interface TokenRoles {
  roles: number[];
  sims: Float64Array;
  /** How many of those roles have such a word outside their keyword list. */
  named: number;
}

/** The roles a query word touches, from the word → roles lists of its similar words. */
function tokenRoles(index: SearchIndex, token: string): TokenRoles {
  const cached = index.rolesCache.get(token);
  if (cached) return cached;
  const tables = index.tables();
  const best = new Float64Array(index.catalog.size);
  const roles: number[] = [];
  for (const [w, sim] of similarWords(index, token)) {
    for (const r of tables.wordRoles.get(w)) {
      const old = best[r] as number;
      if (old === 0) roles.push(r);
      if (sim > old) best[r] = sim;
    }
  }
  const sims = new Float64Array(roles.length);
  roles.forEach((r, i) => (sims[i] = best[r] as number));
  // best[] is reused to mark the roles counted as named (set to -1).
  let named = 0;
  for (const w of similarWords(index, token).keys()) {
    for (const r of tables.namedRoles.get(w)) {
      if ((best[r] as number) >= 0) named++;
      best[r] = -1;
    }
  }
  const found = { roles, sims, named };
  index.rolesCache.set(token, found);
  return found;
}

/**
 * The roles to score in full: every matched role in a small catalog, else the MAX_CANDIDATES
 * with the best cheap score (`cheap[role]`; ties go by catalog order).
 */
function topCandidates(roles: number[], cheap: Float64Array): number[] {
  if (roles.length <= MAX_CANDIDATES) return roles;
  const scores = new Float64Array(roles.length);
  for (let i = 0; i < roles.length; i++) scores[i] = cheap[roles[i] as number] as number;
  const cut = scores.sort()[roles.length - MAX_CANDIDATES] as number;
  const above: number[] = [];
  const tied: number[] = [];
  for (const r of roles) {
    const s = cheap[r] as number;
    if (s > cut) above.push(r);
    else if (s === cut) tied.push(r);
  }
  tied.sort((a, b) => a - b);
  return above.concat(tied.slice(0, MAX_CANDIDATES - above.length));
}

/** How one reading of the query weighs its words, and which roles it scores in full. */
interface Reading {
  /** Each word of the reading, as its position among the query's distinct words. */
  words: number[];
  weights: number[];
  totalWeight: number;
  candidates: number[];
}

/** Weighs the words of one reading of the query and picks the roles to score in full. */
function planReading(index: SearchIndex, tokens: string[], position: Map<string, number>): Reading {
  const n = index.catalog.size;
  const touches = tokens.map((token) => tokenRoles(index, token));

  // Rare words say more than common ones ("payroll" vs "clerk"): weight each query word by
  // its inverse document frequency over roles. A word that matches nothing at all still counts,
  // but only a little, so "full charge bookkeeper" is mostly about "bookkeeper".
  // Keyword lists are long and mention much in passing ("report to supervisors"), so rarity is
  // counted over the other texts, unless a word is found only in keywords.
  const idf = touches.map(({ roles, named }) => {
    const df = named || roles.length;
    return df ? Math.log(1 + n / df) : 0;
  });
  const known = idf.filter((w) => w > 0);
  const unknownWeight =
    UNKNOWN_WORD_WEIGHT * (known.length ? known.reduce((a, b) => a + b) / known.length : 1);
  const weights = idf.map((w) => (w > 0 ? w : unknownWeight));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  // Only the roles most likely to rank are scored in full: in a big catalog a common word
  // ("clerk") touches thousands of roles. The cheap score of a role is the weighted sum over
  // the query words of their best similarity to any word of the role (from the word → roles
  // lists); every weight is positive, so a role is touched when its sum is.
  const cheap = new Float64Array(n);
  const touched: number[] = [];
  for (let t = 0; t < touches.length; t++) {
    const { roles, sims } = touches[t] as TokenRoles;
    const weight = weights[t] as number;
    for (let i = 0; i < roles.length; i++) {
      const r = roles[i] as number;
      if (cheap[r] === 0) touched.push(r);
      cheap[r] = (cheap[r] as number) + (sims[i] as number) * weight;
    }
  }
  return {
    words: tokens.map((token) => position.get(token) as number),
    weights,
    totalWeight,
    candidates: topCandidates(touched, cheap),
  };
}

/**
 * The entries of the candidate roles holding a word similar to some query word, one row each,
 * grouped by candidate (candidate c's rows are from[c] up to from[c + 1]) in entry order:
 * the entry's number, field weight and word count, and at sims[row * U + u] its best
 * similarity to the query's distinct word u. `candidate[role]` is the role's candidate number.
 */
interface Matches {
  candidate: Int32Array;
  from: Int32Array;
  entry: Int32Array;
  weight: Float64Array;
  length: Int32Array;
  sims: Float64Array;
}

/**
 * Finds the matching entries of the candidate roles from the entries holding each word similar
 * to a query word (so no role's texts are read). `similar[u]` maps words to their similarity to
 * distinct query word u, `tokens[u]`. In keyword lists a word counts only as the query word
 * itself or its stem.
 */
function matchCandidates(
  tables: WordIndex,
  candidates: number[],
  tokens: string[],
  similar: Array<Map<number, number>>,
  n: number,
): Matches {
  const U = similar.length;
  const C = candidates.length;
  const candidate = new Int32Array(n).fill(-1);
  for (let c = 0; c < C; c++) candidate[candidates[c] as number] = c;
  // The words similar to some query word, with their similarity to each distinct query word.
  const wordSims = new Map<number, Float64Array>();
  similar.forEach((found, u) => {
    for (const [w, sim] of found) {
      let row = wordSims.get(w);
      if (!row) wordSims.set(w, (row = new Float64Array(U)));
      row[u] = sim;
    }
  });
  const rows = [...wordSims.values()];
  const wordNumbers = [...wordSims.keys()];
  const lists = wordNumbers.map((w) => tables.wordEntries.get(w));
  // The same rows with only the query words each word matches as itself or by stem, made when
  // a keyword list holds the word.
  const keywordRows: Array<Float64Array | undefined> = [];
  const keywordRow = (j: number): Float64Array => {
    let kept = keywordRows[j];
    if (!kept) {
      const word = tables.words[wordNumbers[j] as number] as string;
      const all = rows[j] as Float64Array;
      kept = all.map((sim, u) => (stemMatch(word, tokens[u] as string) ? sim : 0));
      keywordRows[j] = kept;
    }
    return kept;
  };
  // Every (candidate, entry, word) found...
  let total = 0;
  for (const list of lists) total += list.length / 3;
  const candidateOf = new Int32Array(total);
  const entryOf = new Int32Array(total);
  const wordOf = new Int32Array(total);
  const about = new Uint32Array(total);
  let hits = 0;
  let entries = 1;
  for (let j = 0; j < lists.length; j++) {
    const triples = lists[j] as Uint32Array;
    for (let i = 0; i < triples.length; i += 3) {
      const c = candidate[triples[i] as number] as number;
      if (c < 0) continue;
      const e = triples[i + 1] as number;
      candidateOf[hits] = c;
      entryOf[hits] = e;
      wordOf[hits] = j;
      about[hits] = triples[i + 2] as number;
      if (e >= entries) entries = e + 1;
      hits++;
    }
  }
  // ...in candidate, then entry order: sorted as the numbers (candidate × entries + entry) ×
  // hits + hit, with a native numeric sort, while those stay exact.
  let order: ArrayLike<number>;
  if (C * entries * hits <= Number.MAX_SAFE_INTEGER) {
    const sortable = new Float64Array(hits);
    for (let h = 0; h < hits; h++)
      sortable[h] = ((candidateOf[h] as number) * entries + (entryOf[h] as number)) * hits + h;
    sortable.sort();
    for (let i = 0; i < hits; i++) sortable[i] = (sortable[i] as number) % hits;
    order = sortable;
  } else {
    order = Array.from({ length: hits }, (_, h) => h).sort(
      (a, b) =>
        (candidateOf[a] as number) - (candidateOf[b] as number) ||
        (entryOf[a] as number) - (entryOf[b] as number),
    );
  }
  // One row per distinct (candidate, entry); an entry's similarity to a query word is the
  // best of its words'.
  const m: Matches = {
    candidate,
    from: new Int32Array(C + 1),
    entry: new Int32Array(hits),
    weight: new Float64Array(hits),
    length: new Int32Array(hits),
    sims: new Float64Array(hits * U),
  };
  let row = -1;
  let c = 0;
  let previousEntry = -1;
  let keywords = false;
  for (let i = 0; i < hits; i++) {
    const hit = order[i] as number;
    const hitCandidate = candidateOf[hit] as number;
    const entry = entryOf[hit] as number;
    if (hitCandidate >= c || entry !== previousEntry) {
      // A new row: a new entry, or the first of a new candidate.
      row++;
      previousEntry = entry;
      while (c <= hitCandidate) m.from[c++] = row;
      const a = about[hit] as number;
      const field = Math.floor(a / FIELD_SHIFT);
      m.entry[row] = entry;
      m.weight[row] = FIELD_WEIGHTS[field] as number;
      m.length[row] = a - field * FIELD_SHIFT;
      keywords = field === KEYWORD_FIELD;
    }
    const j = wordOf[hit] as number;
    const sims = keywords ? keywordRow(j) : (rows[j] as Float64Array);
    for (let u = 0; u < U; u++) {
      const sim = sims[u] as number;
      if (sim > (m.sims[row * U + u] as number)) m.sims[row * U + u] = sim;
    }
  }
  while (c <= C) m.from[c++] = row + 1;
  return m;
}

/** Scores the candidates of one reading of the query from their matching entries. */
function scoreReading(reading: Reading, m: Matches, U: number): Map<number, RoleScore> {
  const { weights, totalWeight } = reading;
  const T = reading.words.length;
  const best = new Map<number, RoleScore & { second: number }>();
  // spreads[role][token] = best field-weighted similarity of that word anywhere in the role
  const spreads = new Map<number, Float64Array>();
  // row[token] = best similarity of that query word to a word of the entry at hand
  const row = new Float64Array(T);
  for (const r of reading.candidates) {
    const c = m.candidate[r] as number;
    let spread: Float64Array | undefined;
    for (let i = m.from[c] as number; i < (m.from[c + 1] as number); i++) {
      let any = false;
      for (let t = 0; t < T; t++) {
        const sim = m.sims[i * U + (reading.words[t] as number)] as number;
        row[t] = sim;
        if (sim > 0) any = true;
      }
      if (!any) continue;
      const weight = m.weight[i] as number;
      spread ??= new Float64Array(T);
      let matched = 0;
      let hit = 0;
      for (let t = 0; t < T; t++) {
        const sim = row[t] as number;
        spread[t] = Math.max(spread[t] as number, sim * weight);
        matched = matched + sim * (weights[t] as number);
        if (sim > 0) hit++;
      }
      const coverage = Math.min(1, hit / Math.max(1, m.length[i] as number));
      const score = (matched / totalWeight) * (0.85 + 0.15 * coverage) * weight;
      const e = m.entry[i] as number;
      const current = best.get(r);
      if (!current) best.set(r, { score, entry: e, second: 0 });
      else if (score > current.score) best.set(r, { score, entry: e, second: current.score });
      else current.second = Math.max(current.second, score);
    }
    if (spread) spreads.set(r, spread);
  }
  // A role with several matching texts is a better bet than one with a single lucky match, and
  // a role whose texts between them cover every query word beats one that covers only some.
  for (const [r, b] of best) {
    const spread = spreads.get(r) ?? new Float64Array(T);
    let sum = 0;
    for (let t = 0; t < T; t++) sum = sum + (spread[t] as number) * (weights[t] as number);
    const roleLevel = sum / totalWeight;
    b.score = Math.min(
      1,
      (1 - ROLE_LEVEL_SHARE) * b.score + ROLE_LEVEL_SHARE * roleLevel + SUPPORT_BONUS * b.second,
    );
  }
  return best;
}

/**
 * Scores roles against every reading of a query (the first as typed): the readings' candidates
 * are read once, then each reading scores its own.
 */
function scoreReadings(index: SearchIndex, variants: string[][]): Array<Map<number, RoleScore>> {
  const distinct = [...new Set(variants.flat())];
  const position = new Map(distinct.map((w, u) => [w, u]));
  const U = distinct.length;
  const readings = variants.map((tokens) => planReading(index, tokens, position));
  const similar = distinct.map((token) => similarWords(index, token));
  const candidates = [...new Set(readings.flatMap((reading) => reading.candidates))];
  const matches = matchCandidates(
    index.tables(),
    candidates,
    distinct,
    similar,
    index.catalog.size,
  );
  return readings.map((reading) => scoreReading(reading, matches, U));
}

/** Readings of a query: as typed, with abbreviations expanded, and with synonyms swapped in. */
export function queryVariants(
  tokens: string[],
  synonyms: Synonyms,
  max = MAX_VARIANTS,
): string[][] {
  let variants: string[][] = [tokens];
  tokens.forEach((token, i) => {
    const expansions = synonyms.abbreviations[token];
    if (!expansions) return;
    variants = variants.flatMap((v) => [
      v,
      ...expansions.map((e) => [...v.slice(0, i), ...words(e), ...v.slice(i + 1)]),
    ]);
    variants = variants.slice(0, max);
  });
  // Token positions shift once abbreviations expand, so synonyms work on each variant's text.
  for (const group of synonyms.synonyms) {
    for (const v of [...variants]) {
      const text = ` ${v.join(' ')} `;
      for (const member of group) {
        if (!text.includes(` ${member} `)) continue;
        for (const other of group) {
          if (other !== member && variants.length < max)
            variants.push(words(text.replace(` ${member} `, ` ${other} `)));
        }
      }
    }
  }
  const seen = new Set<string>();
  return variants.filter((v) => !seen.has(v.join(' ')) && seen.add(v.join(' ')));
}

/** The text shown as a hit's reason: the entry, or for a keyword list only the keywords matched. */
function matchedText(field: SearchField, text: string, variants: string[][]): string {
  if (field !== 'keyword') return text;
  const tokens = [...new Set(variants.flat())];
  return entryWords(text)
    .filter((w) => tokens.some((t) => stemMatch(w, t)))
    .join(', ');
}

/** Ranked fuzzy search; best first, ties kept in catalog order. */
export function search(index: SearchIndex, rawQuery: string, limit = 10): SearchHit[] {
  const variants = queryVariants(queryWords(rawQuery), index.synonyms);
  const [best, ...others] = scoreReadings(index, variants) as [
    Map<number, RoleScore>,
    ...Array<Map<number, RoleScore>>,
  ];
  for (const variant of others) {
    for (const [r, s] of variant) {
      const score = s.score * VARIANT_DISCOUNT;
      if (score > (best.get(r)?.score ?? 0)) best.set(r, { score, entry: s.entry });
    }
  }
  let topScore = 0;
  for (const b of best.values()) topScore = Math.max(topScore, b.score);
  // The best `limit` hits, by score then catalog order, kept in order as they come.
  const cap = limit >= 1 ? Math.floor(limit) : 0;
  const top: Array<[number, RoleScore]> = [];
  const ahead = (r: number, b: RoleScore, [rOther, other]: [number, RoleScore]) =>
    b.score > other.score || (b.score === other.score && r < rOther);
  for (const [r, b] of best) {
    if (b.score < MIN_RELEVANCE || b.score < topScore * RELATIVE_CUTOFF) continue;
    if (top.length === cap && (cap === 0 || !ahead(r, b, top[cap - 1] as [number, RoleScore])))
      continue;
    let at = top.length;
    while (at > 0 && ahead(r, b, top[at - 1] as [number, RoleScore])) at--;
    top.splice(at, 0, [r, b]);
    if (top.length > cap) top.pop();
  }
  return top.map(([r, b]) => {
    const role = index.catalog.role(r);
    const [field, text] = entryTexts(role)[b.entry] ?? ['title', role.title];
    return {
      role,
      score: Math.round(b.score * 1000) / 1000,
      matched: { field: SEARCH_FIELDS[field].label, value: matchedText(field, text, variants) },
    };
  });
}

/** The top fuzzy hit must reach this relevance to be taken without asking. */
const GOOD_ENOUGH = 0.7;
/** ...and lead the runner-up by this much. */
const CLEAR_LEAD = 0.05;

/** Roles whose own title or id (NAME_TITLE), or whose other titles (NAME_ALIAS), may be `wanted`. */
function namedRoles(index: SearchIndex, wanted: string, kind: number): number[] {
  const names = index.names();
  const hash = hashName(wanted);
  const tag = hash >>> (32 - NAME_TAG_BITS);
  const roles: number[] = [];
  for (const item of names.get(hash % names.count)) {
    const entry = Math.floor(item / 2 ** NAME_TAG_BITS);
    // A role's names sit together in a bucket: list each role once.
    if (item % 2 ** NAME_TAG_BITS === tag && entry % 2 === kind && roles.at(-1) !== entry >>> 1)
      roles.push(entry >>> 1);
  }
  return roles;
}

/**
 * Turns a name the user typed into one role: an exact id, title or alias wins; otherwise the
 * top fuzzy match when it is clearly ahead; otherwise a NotFoundError with suggestions.
 */
export function resolveRole(index: SearchIndex, name: string): Role {
  const wanted = normalize(name);
  if (wanted.length === 0) throw new UsageError('the role name is empty');
  const { catalog } = index;
  const byId = catalog.byId.get(name.trim().toLowerCase());
  if (byId) return byId;
  // The names table only narrows the look-up; each role found there is checked by its names.
  const byTitle = namedRoles(index, wanted, NAME_TITLE).find(
    (r) =>
      normalize(catalog.titles[r] ?? '') === wanted || normalize(catalog.ids[r] ?? '') === wanted,
  );
  if (byTitle !== undefined) return catalog.role(byTitle);
  const byAlias = namedRoles(index, wanted, NAME_ALIAS)
    .map((r) => catalog.role(r))
    .filter((r) => otherNames(r).some((a) => normalize(a) === wanted));
  if (byAlias.length === 1) return byAlias[0] as Role;
  if (byAlias.length > 1) {
    // A title several occupations share: prefer the role whose own title shares the rarest
    // words with it ("payroll" says more than "specialist").
    const query = new Set(words(name));
    const titles = catalog.titles.map((t) => new Set(words(t)));
    const rarity = (w: string) => 1 / Math.max(1, titles.filter((t) => t.has(w)).length);
    const overlap = (r: Role) =>
      words(r.title)
        .filter((w) => query.has(w))
        .reduce((sum, w) => sum + rarity(w), 0);
    const ranked = [...byAlias].sort((a, b) => overlap(b) - overlap(a));
    const [first, second] = ranked as [Role, Role];
    if (overlap(first) > overlap(second)) return first;
    throw new NotFoundError(
      `"${name}" is a title of ${byAlias.length} roles; which one?`,
      ranked.map((r) => `  ${r.title}    careers show ${r.id}`),
    );
  }

  const hits = search(index, name, 5);
  const [top, next] = hits;
  // Clearly ahead: a margin over the runner-up, or the only one of the two matched by title.
  const ahead =
    !next ||
    (top?.score ?? 0) - next.score >= CLEAR_LEAD ||
    (top?.matched.field === 'title' && next.matched.field !== 'title');
  if (top && top.score >= GOOD_ENOUGH && ahead) return top.role;
  if (hits.length === 0) {
    throw new NotFoundError(`no role matches "${name}"`, ['  See every role with: careers list']);
  }
  throw new NotFoundError(
    `no single role matches "${name}"; did you mean:`,
    hits.slice(0, 3).map((h) => `  ${h.role.title}    careers show ${h.role.id}`),
  );
}
