/**
 * Fuzzy search over roles and the role-name resolver shared by every command that takes a
 * role name.
 *
 * How ranking works:
 * - Every searchable text of a role (title, each alias, software, tool, skill, task, the summary
 *   and its keyword list) is an "entry", split into words.
 * - The query is read as typed and also with abbreviations expanded and synonyms swapped in
 *   (data/synonyms.yaml); each reading is scored and the best counts (others slightly less).
 * - Each query word is matched to known words exactly, by prefix or stem, or as a typo
 *   (Fuse.js proposes candidates, an edit-distance check keeps real near-misses): 0–1.
 * - Query words are weighted by rarity across roles (IDF): "payroll" says more than "clerk";
 *   a word found nowhere counts only a little. Rarity is counted outside the keyword lists unless
 *   a word is only found there.
 * - An entry scores the weighted mean over the query words, nudged up when it covers the whole
 *   entry, times its field's weight (title > alias > software > tool > skill > task > summary >
 *   keywords; keywords match only exactly or by stem, never as a prefix or typo). A role
 *   scores its best entry, blended with how well all its texts together cover the query and a
 *   small bonus for a second matching text.
 * - In big catalogs only the MAX_CANDIDATES roles with the best cheap pre-score are scored in
 *   full.
 */
import Fuse from 'fuse.js';
import type { Role } from '../data/schema.js';
import type { Catalog } from './catalog.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Synonyms } from '../data/synonyms.js';

const NO_SYNONYMS: Synonyms = { abbreviations: {}, synonyms: [] };

/** Fields searched, with how much a match there counts. */
export const SEARCH_FIELDS = {
  title: { label: 'title', weight: 1 },
  alias: { label: 'alias', weight: 0.93 },
  software: { label: 'software', weight: 0.8 },
  tool: { label: 'tool', weight: 0.75 },
  skill: { label: 'skill', weight: 0.7 },
  task: { label: 'task', weight: 0.65 },
  summary: { label: 'summary', weight: 0.6 },
  keyword: { label: 'keyword', weight: 0.5 },
} as const;

export type SearchField = keyof typeof SEARCH_FIELDS;

interface Entry {
  role: number;
  field: SearchField;
  text: string;
  words: string[];
}

/** The word tables of an index; built on the first fuzzy search, since exact look-ups need none. */
interface WordTables {
  entries: Entry[];
  /** Entries containing each word. */
  byWord: Map<string, number[]>;
  /** Roles having each word in any of their entries. */
  rolesByWord: Map<string, number[]>;
  /** Roles having each word in an entry other than their keyword list (for word rarity). */
  namedRolesByWord: Map<string, number[]>;
  /** Entries of each role, by role index. */
  roleEntries: number[][];
  /** Fuzzy matcher over the distinct words of all entries. */
  words: Fuse<string>;
  /** Known words by their stem. */
  byStem: Map<string, string[]>;
}

export interface SearchIndex {
  catalog: Catalog;
  synonyms: Synonyms;
  tables: () => WordTables;
  /** Words similar to each query word seen so far (the index never changes, so neither do they). */
  similarCache: Map<string, Map<string, number>>;
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
const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'or', 'the', 'to', 'with']);

/** Lower-cases, turns punctuation into spaces and squeezes white space. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text that matter for matching. */
export function words(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

function entriesOf(role: Role, index: number): Entry[] {
  const texts: Array<[SearchField, string]> = [
    ['title', role.title],
    ...(role.onetTitle ? [['alias', role.onetTitle] as [SearchField, string]] : []),
    ...role.aliases.map((a) => ['alias', a] as [SearchField, string]),
    ...role.software.map((s) => ['software', s.name] as [SearchField, string]),
    ...role.tools.map((t) => ['tool', t.name] as [SearchField, string]),
    ...role.skills.map((s) => ['skill', s.name] as [SearchField, string]),
    ...role.tasks.map((t) => ['task', t] as [SearchField, string]),
    ['summary', role.summary] as [SearchField, string],
    // All keywords in one entry: a bag of words, not a text the query could cover.
    ...(role.keywords ? [['keyword', role.keywords.words.join(' ')] as [SearchField, string]] : []),
  ];
  // "…, Except Legal, Medical, and Executive" names what a title excludes: never match on it.
  return texts.map(([field, text]) => ({
    role: index,
    field,
    text,
    words: words(text.replace(/,?\s+except\b.*$/i, '')),
  }));
}

function buildTables(catalog: Catalog): WordTables {
  const entries = catalog.roles.flatMap(entriesOf);
  const byWord = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const w of new Set(e.words)) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  const words = new Fuse([...byWord.keys()], {
    includeScore: true,
    threshold: 0.4,
    location: 0,
    distance: 8,
  });
  const byStem = new Map<string, string[]>();
  for (const w of byWord.keys()) byStem.set(stem(w), [...(byStem.get(stem(w)) ?? []), w]);
  const rolesByWord = new Map(
    [...byWord].map(([w, list]) => [w, [...new Set(list.map((e) => (entries[e] as Entry).role))]]),
  );
  const namedRolesByWord = new Map<string, number[]>();
  for (const [w, list] of byWord) {
    const named = list.filter((e) => (entries[e] as Entry).field !== 'keyword');
    if (named.length)
      namedRolesByWord.set(w, [...new Set(named.map((e) => (entries[e] as Entry).role))]);
  }
  const roleEntries: number[][] = catalog.roles.map(() => []);
  entries.forEach((e, i) => roleEntries[e.role]?.push(i));
  return { entries, byWord, rolesByWord, namedRolesByWord, roleEntries, words, byStem };
}

/** Makes the search index for a catalog, once per run; its word tables are built when first needed. */
export function buildIndex(catalog: Catalog, synonyms: Synonyms = NO_SYNONYMS): SearchIndex {
  let tables: WordTables | undefined;
  return {
    catalog,
    synonyms,
    tables: () => (tables ??= buildTables(catalog)),
    similarCache: new Map(),
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

const SUFFIXES = [
  'ments',
  'ment',
  'ings',
  'ing',
  'ants',
  'ant',
  'ions',
  'ion',
  'ists',
  'ist',
  'ives',
  'ive',
  'ors',
  'or',
  'ers',
  'er',
  'es',
  's',
];

/**
 * A crude stem so that "accountant", "accounting" and "accounts" meet at "account", and
 * "collector" and "collection" at "collect".
 */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4)
      return word.slice(0, -suffix.length);
  }
  return word;
}

/** Typos tolerated in a word of this length: 1 up to 7 letters, 2 from 8, 3 from 12. */
function allowedTypos(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/**
 * Similarity of each known word to one query word: exact 1, same stem or prefix 0.9 ("admin" →
 * "administrative"), and for typos 0.85 scaled down by the edit distance (and by
 * KNOWN_WORD_TYPO_SHARE when the query word is itself a known word: "retention" is no typo for
 * "reception"). Fuse.js proposes the fuzzy candidates; the edit distance keeps only real
 * near-misses of the whole word or its start.
 */
function similarWords(index: SearchIndex, token: string): Map<string, number> {
  const cached = index.similarCache.get(token);
  if (cached) return cached;
  const found = new Map<string, number>();
  index.similarCache.set(token, found);
  const keep = (word: string, sim: number) => {
    if (sim > (found.get(word) ?? 0)) found.set(word, sim);
  };
  if (index.tables().byWord.has(token)) keep(token, 1);
  for (const word of index.tables().byStem.get(stem(token)) ?? []) keep(word, 0.9);
  if (token.length >= 3) {
    for (const word of index.tables().byWord.keys()) if (word.startsWith(token)) keep(word, 0.9);
  }
  if (token.length >= 4) {
    const share = index.tables().byWord.has(token) ? KNOWN_WORD_TYPO_SHARE : 1;
    for (const r of index.tables().words.search(token, { limit: 100 })) {
      const word = r.item;
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
          keep(word, share * 0.85 * (1 - typos / Math.max(token.length, 4)) - penalty);
      }
    }
  }
  return found;
}

/** The same word, or the same stem: how keywords match (prefixes and typos there are mostly noise). */
function stemMatch(word: string, token: string): boolean {
  return word === token || stem(word) === stem(token);
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
  entry: Entry;
}

/** Scores every role against one reading of the query (a list of words). */
function scoreWords(index: SearchIndex, tokens: string[]): Map<number, RoleScore> {
  const similar = tokens.map((token) => similarWords(index, token));
  // pre[role][token] = best similarity of that query word to any word of the role: cheap to
  // get from rolesByWord, and used for the word weights and to pick candidates.
  const pre = new Map<number, number[]>();
  const rolesPerToken = similar.map((words, t) => {
    const roles = new Set<number>();
    for (const [word, sim] of words) {
      for (const r of index.tables().rolesByWord.get(word) ?? []) {
        roles.add(r);
        const row = pre.get(r) ?? new Array<number>(tokens.length).fill(0);
        row[t] = Math.max(row[t] ?? 0, sim);
        pre.set(r, row);
      }
    }
    return roles;
  });

  // Rare words say more than common ones ("payroll" vs "clerk"): weight each query word by
  // its inverse document frequency over roles. A word that matches nothing at all still counts,
  // but only a little, so "full charge bookkeeper" is mostly about "bookkeeper".
  // Keyword lists are long and mention much in passing ("report to supervisors"), so rarity is
  // counted over the other texts, unless a word is found only in keywords.
  const n = index.catalog.roles.length;
  const idf = rolesPerToken.map((roles, t) => {
    const named = new Set<number>();
    for (const word of (similar[t] as Map<string, number>).keys())
      for (const r of index.tables().namedRolesByWord.get(word) ?? []) named.add(r);
    const df = named.size || roles.size;
    return df ? Math.log(1 + n / df) : 0;
  });
  const known = idf.filter((w) => w > 0);
  const unknownWeight =
    UNKNOWN_WORD_WEIGHT * (known.length ? known.reduce((a, b) => a + b) / known.length : 1);
  const weights = idf.map((w) => (w > 0 ? w : unknownWeight));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  // Only the roles most likely to rank are scored in full: in a big catalog a common word
  // ("clerk") touches thousands of roles. Catalogs under the limit score every matched role.
  let candidates = [...pre.keys()];
  if (candidates.length > MAX_CANDIDATES) {
    const cheap = (r: number) =>
      (pre.get(r) ?? []).reduce((sum, sim, t) => sum + sim * (weights[t] ?? 0), 0);
    candidates = candidates
      .map((r) => [r, cheap(r)] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([r]) => r);
  }

  const best = new Map<number, RoleScore & { second: number }>();
  // perRole[role][token] = best field-weighted similarity of that word anywhere in the role
  const perRole = new Map<number, number[]>();
  for (const e of candidates.flatMap((r) => index.tables().roleEntries[r] ?? [])) {
    const entry = index.tables().entries[e] as Entry;
    // row[token] = best similarity of that query word to a word of this entry
    const row = new Array<number>(tokens.length).fill(0);
    let any = false;
    for (let t = 0; t < similar.length; t++) {
      const words = similar[t] as Map<string, number>;
      for (const w of entry.words) {
        const sim = words.get(w);
        if (
          sim !== undefined &&
          sim > (row[t] ?? 0) &&
          (entry.field !== 'keyword' || stemMatch(w, tokens[t] ?? ''))
        ) {
          row[t] = sim;
          any = true;
        }
      }
    }
    if (!any) continue;
    const spread = perRole.get(entry.role) ?? new Array<number>(tokens.length).fill(0);
    row.forEach(
      (sim, t) => (spread[t] = Math.max(spread[t] ?? 0, sim * SEARCH_FIELDS[entry.field].weight)),
    );
    perRole.set(entry.role, spread);
    const matched = row.reduce((sum, sim, t) => sum + sim * (weights[t] ?? 0), 0);
    const coverage = Math.min(1, row.filter((s) => s > 0).length / Math.max(1, entry.words.length));
    const score =
      (matched / totalWeight) * (0.85 + 0.15 * coverage) * SEARCH_FIELDS[entry.field].weight;
    const current = best.get(entry.role);
    if (!current) best.set(entry.role, { score, entry, second: 0 });
    else if (score > current.score) best.set(entry.role, { score, entry, second: current.score });
    else current.second = Math.max(current.second, score);
  }
  // A role with several matching texts is a better bet than one with a single lucky match, and
  // a role whose texts between them cover every query word beats one that covers only some.
  for (const [r, b] of best) {
    const spread = perRole.get(r) ?? [];
    const roleLevel =
      spread.reduce((sum, sim, t) => sum + sim * (weights[t] ?? 0), 0) / totalWeight;
    b.score = Math.min(
      1,
      (1 - ROLE_LEVEL_SHARE) * b.score + ROLE_LEVEL_SHARE * roleLevel + SUPPORT_BONUS * b.second,
    );
  }

  return best;
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
function matchedText(entry: Entry, variants: string[][]): string {
  if (entry.field !== 'keyword') return entry.text;
  const tokens = [...new Set(variants.flat())];
  return entry.words.filter((w) => tokens.some((t) => stemMatch(w, t))).join(', ');
}

/** Ranked fuzzy search; best first, ties kept in catalog order. */
export function search(index: SearchIndex, rawQuery: string, limit = 10): SearchHit[] {
  const variants = queryVariants(queryWords(rawQuery), index.synonyms);
  const [original, ...others] = variants;
  const best = scoreWords(index, original as string[]);
  for (const variant of others) {
    for (const [r, s] of scoreWords(index, variant)) {
      const score = s.score * VARIANT_DISCOUNT;
      if (score > (best.get(r)?.score ?? 0)) best.set(r, { score, entry: s.entry });
    }
  }
  const topScore = Math.max(0, ...[...best.values()].map((b) => b.score));
  return [...best.entries()]
    .filter(([, b]) => b.score >= MIN_RELEVANCE && b.score >= topScore * RELATIVE_CUTOFF)
    .sort(([ra, a], [rb, b]) => b.score - a.score || ra - rb)
    .slice(0, limit)
    .map(([r, b]) => ({
      role: index.catalog.roles[r] as Role,
      score: Math.round(b.score * 1000) / 1000,
      matched: { field: SEARCH_FIELDS[b.entry.field].label, value: matchedText(b.entry, variants) },
    }));
}

/** The top fuzzy hit must reach this relevance to be taken without asking. */
const GOOD_ENOUGH = 0.7;
/** ...and lead the runner-up by this much. */
const CLEAR_LEAD = 0.05;

/**
 * Turns a name the user typed into one role: an exact id, title or alias wins; otherwise the
 * top fuzzy match when it is clearly ahead; otherwise a NotFoundError with suggestions.
 */
export function resolveRole(index: SearchIndex, name: string): Role {
  const wanted = normalize(name);
  if (wanted.length === 0) throw new UsageError('the role name is empty');
  const { catalog } = index;
  const byIdOrTitle =
    catalog.byId.get(name.trim().toLowerCase()) ??
    catalog.roles.find((r) => normalize(r.title) === wanted || normalize(r.id) === wanted);
  if (byIdOrTitle) return byIdOrTitle;
  const byAlias = catalog.roles.filter((r) =>
    [r.onetTitle ?? '', ...r.aliases].some((a) => normalize(a) === wanted),
  );
  if (byAlias.length === 1) return byAlias[0] as Role;
  if (byAlias.length > 1) {
    // A title several occupations share: prefer the role whose own title shares the rarest
    // words with it ("payroll" says more than "specialist").
    const query = new Set(words(name));
    const titles = catalog.roles.map((r) => new Set(words(r.title)));
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
