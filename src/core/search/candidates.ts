/**
 * Which roles a reading of the query touches, how it weighs its words (rarity across roles,
 * IDF), which roles it scores in full (in big catalogs only the MAX_CANDIDATES with the best
 * cheap pre-score), and the entries of those roles holding a matching word.
 */
import {
  FIELD_NAMES,
  endsEntry,
  entryField,
  entryLength,
  entryText,
  find,
  stem,
  type WordIndex,
} from '../word-index.js';
import { FIELD_WEIGHTS, KEYWORD_FIELD, type SearchIndex, type TokenRoles } from './index.js';
import { isEnglish, similarWords, stemMatch } from './typos.js';

/** Weight of a query word found nowhere, relative to the average known word. */
const UNKNOWN_WORD_WEIGHT = 0.3;

/** Names a head noun must end, all roles together, to weigh its rarity among names' heads. */
const MIN_HEAD_NAMES = 2;

/** Roles scored in full per query reading; the rest are ranked out by a cheap pre-score. */
export const MAX_CANDIDATES = 150;

export const TITLE_FIELD = FIELD_NAMES.indexOf('title');
/** For each field code, whether it names a product: software (a card's or the rest) or a tool. */
export const IS_PRODUCT = Uint8Array.from(FIELD_NAMES, (f) =>
  ['software', 'moreSoftware', 'tool'].includes(f) ? 1 : 0,
);
/** Field codes of a role's names (its title, aliases and O*NET titles). */
export const NAME_FIELDS = new Set(
  FIELD_NAMES.flatMap((f, i) => (['title', 'alias', 'onet', 'historic'].includes(f) ? [i] : [])),
);
/** How much software and tool matches count for a query that reads as a job title. */
const TITLE_QUERY_TOOL_FACTOR = 0.6;

/** For each field code, whether it is one of a role's names. */
export const IS_NAME = Uint8Array.from(FIELD_NAMES, (_, i) => (NAME_FIELDS.has(i) ? 1 : 0));

/**
 * How many roles have a word (as typed or by stem) in their names (or only in one field; with
 * `head`, only as a name's last word, its head noun).
 */
export function namedRoleCount(
  index: SearchIndex,
  token: string,
  only?: number,
  head = false,
): number {
  const counts = namedCounts(index, token, only);
  return head ? counts.heads : counts.roles;
}

/** How many names (titles, aliases, O*NET titles) of all roles end in a word, as typed or by stem. */
export function headNameCount(index: SearchIndex, token: string): number {
  return namedCounts(index, token, undefined).headNames;
}

function namedCounts(index: SearchIndex, token: string, only: number | undefined): NamedCounts {
  const key = `${only ?? ''} ${token}`;
  let counts = index.namedCache.get(key);
  if (!counts) index.namedCache.set(key, (counts = countNamed(index, token, only)));
  return counts;
}

/** What countNamed counts for a word: roles naming it, roles and names ending in it. */
export interface NamedCounts {
  roles: number;
  heads: number;
  headNames: number;
}

/** namedRoleCount's and headNameCount's counts, in one pass over the word's entries. */
function countNamed(index: SearchIndex, token: string, only: number | undefined): NamedCounts {
  const tables = index.tables();
  // Per role: 1 once counted, 2 once counted for a head too. A query word such as "clerk" has
  // entries in thousands of roles of a big catalog, so the loop stays lean: a role's names are
  // its first entries, so its entries past them are skipped.
  const counted = new Uint8Array(index.catalog.size);
  let roles = 0;
  let heads = 0;
  let headNames = 0;
  const words = [find(tables.words, token)];
  const s = find(tables.stems, stem(token));
  if (s >= 0) words.push(...tables.stemWords.get(s));
  for (const w of new Set(words)) {
    if (w < 0) continue;
    const triples = tables.wordEntries.get(w);
    let done = -1;
    for (let i = 0; i < triples.length; i += 3) {
      const r = triples[i] as number;
      if (r === done) continue;
      const code = triples[i + 2] as number;
      const field = entryField(code);
      if (only === undefined ? !IS_NAME[field] : field !== only) {
        if (only === undefined) done = r;
        continue;
      }
      const mark = counted[r] as number;
      const ends = endsEntry(code);
      if (ends) headNames++;
      if (mark === 0) roles++;
      if (mark < 2 && ends) {
        heads++;
        counted[r] = 2;
      } else if (mark === 0) counted[r] = 1;
    }
  }
  return { roles, heads, headNames };
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
  // best[] is reused to mark the roles counted (set to -1).
  let outsideKeywords = 0;
  for (const w of similarWords(index, token).keys()) {
    for (const r of tables.namedRoles.get(w)) {
      if ((best[r] as number) >= 0) outsideKeywords++;
      best[r] = -1;
    }
  }
  const found = { roles, sims, outsideKeywords };
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
export interface QueryReading {
  /** Each word of the reading, as its position among the query's distinct words. */
  words: number[];
  weights: number[];
  totalWeight: number;
  candidates: number[];
  /** Factor on software and tool matches: below 1 when the query reads as a job title. */
  toolFactor: number;
  /** Each word's rarity among the roles' names only (IDF), for the title-neighbours vote. */
  nameWeights: number[];
}

/** Weighs the words of one reading of the query and picks the roles to score in full. */
export function planReading(
  index: SearchIndex,
  tokens: string[],
  position: Map<string, number>,
): QueryReading {
  const n = index.catalog.size;
  const touches = tokens.map((token) => tokenRoles(index, token));

  // Rare words say more than common ones ("payroll" vs "clerk"): weight each query word by
  // its inverse document frequency over roles. A word that matches nothing at all still counts,
  // but only a little, so "full charge bookkeeper" is mostly about "bookkeeper".
  // Keyword lists are long and mention much in passing ("report to supervisors"), and so are the
  // hundreds of software examples past a card's top ones: rarity is counted over the other
  // texts, unless a word is found only there.
  const idf = touches.map(({ roles, outsideKeywords }) => {
    const df = outsideKeywords || roles.length;
    return df ? Math.log(1 + n / df) : 0;
  });
  const known = idf.filter((w) => w > 0);
  const unknownWeight =
    UNKNOWN_WORD_WEIGHT * (known.length ? known.reduce((a, b) => a + b) / known.length : 1);
  const weights = idf.map((w) => (w > 0 ? w : unknownWeight));
  // A title's last word is its head noun, what the job is ("Industrial Accountant" is an
  // accountant of some kind). A head noun that ends the names of few roles says more than its
  // rarity over all texts tells ("accountant" meets "accounting" and "accounts" in most roles'
  // tasks): it weighs at least its rarity among the heads of the roles' names. A head that ends
  // a single name is that title's say, not what a job is ("Order Selector" is no kind of
  // "Office Copy Selector"), and keeps its plain rarity.
  if (tokens.length >= 2) {
    const t = tokens.length - 1;
    const heads = namedRoleCount(index, tokens[t] as string, undefined, true);
    if (heads > 0 && headNameCount(index, tokens[t] as string) >= MIN_HEAD_NAMES)
      weights[t] = Math.max(weights[t] as number, Math.log(1 + n / heads));
  }
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
  const nameWeights = tokens.map((token, t) => {
    const df = namedRoleCount(index, token);
    return df ? Math.log(1 + n / df) : (weights[t] as number);
  });
  return {
    nameWeights,
    words: tokens.map((token) => position.get(token) as number),
    weights,
    totalWeight,
    candidates: topCandidates(touched, cheap),
    toolFactor: tokens.some((t) => namesProduct(index, t)) ? 1 : TITLE_QUERY_TOOL_FACTOR,
  };
}

/** Most software and tool entries of a word namesProduct reads the texts of. */
const PRODUCT_SAMPLE = 8;

/**
 * True when a query word names a product: the index has it, mostly in software and tool names
 * ("excel", "quickbooks"). A query with none reads as a job title, and software or tool matches
 * count less for it ("Team Assistant" is no user of "Microsoft Team Foundation Server").
 * An English word there names a product only when roles share the product ("Epic Systems",
 * "Microsoft Access"): in as many unrelated products as roles it is a descriptor ("Virtual
 * Timecard", "Virtual private networking", "RISC Virtual Training Assistant"), and "Virtual
 * Assistant" is a job title.
 */
function namesProduct(index: SearchIndex, token: string): boolean {
  const tables = index.tables();
  const w = find(tables.words, token);
  if (w < 0) return false;
  const triples = tables.wordEntries.get(w);
  let tools = 0;
  for (let i = 2; i < triples.length; i += 3)
    tools += IS_PRODUCT[entryField(triples[i] as number)] as number;
  if (tools * 3 < triples.length) return false;
  if (!isEnglish(index, token)) return true;
  // Distinct texts among the first entries: a product shared by roles repeats its name.
  const { catalog } = index;
  const texts = new Set<string>();
  let read = 0;
  for (let i = 0; i < triples.length && read < PRODUCT_SAMPLE; i += 3) {
    if (!IS_PRODUCT[entryField(triples[i + 2] as number)]) continue;
    const r = triples[i] as number;
    const text = entryText(catalog.nameFields(r), triples[i + 1] as number, () => catalog.role(r));
    if (text) texts.add(text[1].toLowerCase());
    read++;
  }
  return texts.size * 2 <= read;
}

/**
 * The entries of the candidate roles holding a word similar to some query word, one row each,
 * grouped by candidate (candidate c's rows are from[c] up to from[c + 1]) in entry order:
 * the entry's number, field weight and word count, and at sims[row * U + u] its best
 * similarity to the query's distinct word u. `candidate[role]` is the role's candidate number.
 */
export interface Matches {
  /** Roles in the catalog. */
  n: number;
  candidate: Int32Array;
  from: Int32Array;
  entry: Int32Array;
  field: Uint8Array;
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
export function matchCandidates(
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
    n,
    candidate,
    from: new Int32Array(C + 1),
    entry: new Int32Array(hits),
    field: new Uint8Array(hits),
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
      const field = entryField(a);
      m.entry[row] = entry;
      m.field[row] = field;
      m.weight[row] = FIELD_WEIGHTS[field] as number;
      m.length[row] = entryLength(a);
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
