/**
 * The search index as flat number tables: which words exist, which roles and entries hold each
 * word, and the names roles are known by. Built once from the roles (typed arrays, no per-word
 * objects), it can be written to a file and read back as is (store/pack.ts), so a run on the
 * built-in data or a cached --data directory rebuilds nothing.
 *
 * An "entry" is one searchable text of a role (its title, an alias, a skill…); entries keep the
 * order of entryTexts(), so a role's entry number indexes that list.
 *
 * (Over 400 lines: the word tables and the role-names table share the normalising, hashing and
 * list-building code here. The names table, the second half, is the part to move out first.)
 */
import type { Role } from '../model/schema.js';
import type { NameFields } from '../model/catalog.js';
import { DataError } from '../errors.js';
import { isAscii, ownString } from '../text.js';
import { topSoftware } from './software.js';
import type { WordTrie } from './word-trie.js';

/** Most distinct words the search index holds (typo look-ups are made for each one). */
export const MAX_INDEX_WORDS = 50_000;
/** Most words, counted with repeats, in all the searchable texts together. */
export const MAX_INDEX_ENTRIES = 50_000_000;

/** Searchable fields, in the order entryTexts() lists them; a field's code is its position. */
export const FIELD_NAMES = [
  'title',
  'alias',
  'onet',
  'historic',
  'software',
  'tool',
  'skill',
  'task',
  'summary',
  'keyword',
  'moreSoftware',
] as const;

export type SearchField = (typeof FIELD_NAMES)[number];

const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'or', 'the', 'to', 'with']);

/** Lower-cases, turns punctuation into spaces and squeezes white space. */
export function normalize(text: string): string {
  // Plain ASCII (almost every query) skips the Unicode regex (see isAscii).
  const pattern = isAscii(text) ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  return text.toLowerCase().replace(pattern, ' ').trim();
}

/** The words of a text that matter for matching. */
export function words(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
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

/** A role's names by field, in entry order: the first entries of entryTexts. */
function nameEntries(names: NameFields): Array<[SearchField, readonly string[]]> {
  return [
    ['title', [names.title]],
    ['alias', names.onetTitle ? [names.onetTitle] : []],
    ['alias', names.aliases],
    ['onet', names.onetTitles],
    ['historic', names.historicTitles],
  ];
}

/** How many of a role's entries are its names (they come first, in nameEntries order). */
export function nameCount(names: NameFields): number {
  let count = 0;
  for (const [, list] of nameEntries(names)) count += list.length;
  return count;
}

/** The searchable texts of a role with their fields, in entry order. */
export function entryTexts(role: Role): Array<[SearchField, string]> {
  const texts: Array<[SearchField, string]> = [];
  for (const [field, list] of nameEntries(role)) for (const t of list) texts.push([field, t]);
  // The software a card shows (core/software.ts) in full; the rest of O*NET's examples (up to
  // 264 a role) at a lower weight and left out of word rarity, as keywords are: counted there,
  // they made words such as "contract" commoner across roles and cost search quality.
  const { shown, more } = topSoftware(role.software);
  for (const s of shown) texts.push(['software', s.name]);
  for (const t of role.tools) texts.push(['tool', t.name]);
  for (const s of role.skills) texts.push(['skill', s.name]);
  for (const t of role.tasks) texts.push(['task', t]);
  texts.push(['summary', role.summary]);
  // All keywords in one entry: a bag of words, not a text the query could cover.
  if (role.keywords) texts.push(['keyword', role.keywords.words.join(' ')]);
  for (const s of more) texts.push(['moreSoftware', s.name]);
  return texts;
}

/**
 * Entry `n` of entryTexts(role) without building the rest: a search hit names the entry it
 * matched, and most matches are one of the role's names, ahead of the software list (whose
 * order, topSoftware, is the costly part of entryTexts). The role is read only for an entry
 * past its names.
 */
export function entryText(
  names: NameFields,
  n: number,
  role: () => Role,
): [SearchField, string] | undefined {
  let i = n;
  for (const [field, list] of nameEntries(names)) {
    if (i < list.length) return [field, list[i] as string];
    i -= list.length;
  }
  return entryTexts(role())[n];
}

/** The words an entry text is matched on. */
export function entryWords(text: string): string[] {
  // "…, Except Legal, Medical, and Executive" names what a title excludes: never match on it.
  return words(text.replace(/,?\s+except\b.*$/i, ''));
}

/** Numbered lists of numbers: list i of a table. */
export interface Lists {
  /** How many lists there are. */
  readonly count: number;
  /** List i (do not modify it). */
  get(i: number): Uint32Array;
}

/** Lists stored flat: list i is items[start[i]] up to items[start[i + 1]]. */
export interface FlatLists {
  start: Uint32Array;
  items: Uint32Array;
}

/** Reads flat lists in memory. */
export function listsOf(flat: FlatLists): Lists {
  return {
    count: flat.start.length - 1,
    get: (i) => flat.items.subarray(flat.start[i] ?? 0, flat.start[i + 1] ?? 0),
  };
}

/** Packs number lists into flat arrays. */
export function flatten(lists: ArrayLike<number>[]): FlatLists {
  const start = new Uint32Array(lists.length + 1);
  let total = 0;
  lists.forEach((l, i) => {
    total += l.length;
    start[i + 1] = total;
  });
  const items = new Uint32Array(total);
  lists.forEach((l, i) => items.set(l, start[i]));
  return { start, items };
}

/**
 * wordEntries keeps an entry's field code times this plus its word count in one number, and
 * HEAD_WORD on top when the word is the entry's last (the head noun of a title).
 */
export const FIELD_SHIFT = 2 ** 28;
export const HEAD_WORD = 2 ** 27;

/** The field code in a wordEntries code (or a RoleWords `about`). */
export function entryField(code: number): number {
  return Math.floor(code / FIELD_SHIFT);
}

/** The word count in a wordEntries code (or a RoleWords `about`). */
export function entryLength(code: number): number {
  return code % HEAD_WORD;
}

/** True when a wordEntries code says its word ends the entry. */
export function endsEntry(code: number): boolean {
  return code % FIELD_SHIFT >= HEAD_WORD;
}

/** The word tables search reads; in memory (wordIndexOf) or straight from a file (store/pack.ts). */
export interface WordIndex {
  /** Every distinct word of every entry, sorted by code unit; a word's number is its position. */
  readonly words: readonly string[];
  /** Distinct stems of those words, sorted the same way. */
  readonly stems: readonly string[];
  /** The words (numbers) of each stem. */
  readonly stemWords: Lists;
  /** The roles (positions, ascending) having each word in some entry. */
  readonly wordRoles: Lists;
  /**
   * The roles having each word in an entry other than their keyword list and the software past
   * what their card shows (for word rarity).
   */
  readonly namedRoles: Lists;
  /**
   * The entries holding each word, as triples [role, entry number within the role, field code
   * × 2^28 + the entry's word count (repeated words counted), + 2^27 when the word is the
   * entry's last, …], ascending by role, then entry.
   */
  readonly wordEntries: Lists;
  /** For each word, the words Fuse.js matches to it as typos (search.ts typoLists), if stored. */
  readonly typos?: Lists;
  /** The tries of `words` and `stems` (core/word-trie.ts), if stored; else built when needed. */
  readonly wordTrie?: () => WordTrie;
  readonly stemTrie?: () => WordTrie;
}

/** The word tables as plain data: what a file stores. */
export interface WordIndexData {
  words: string[];
  stems: string[];
  stemWords: FlatLists;
  wordRoles: FlatLists;
  namedRoles: FlatLists;
  wordEntries: FlatLists;
}

/** The index over word tables held in memory. */
export function wordIndexOf(data: WordIndexData): WordIndex {
  return {
    words: data.words,
    stems: data.stems,
    stemWords: listsOf(data.stemWords),
    wordRoles: listsOf(data.wordRoles),
    namedRoles: listsOf(data.namedRoles),
    wordEntries: listsOf(data.wordEntries),
  };
}

/** Compares strings by UTF-16 code units, as the index sorts them. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the word tables of some roles. */
export function buildWordIndex(roles: readonly Role[]): WordIndexData {
  const steps = buildWordIndexSteps(roles);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Roles handled between two pauses of buildWordIndexSteps. */
const ROLES_PER_STEP = 32;

/** A growing list of u32 numbers in one typed array (no per-item objects). */
class U32List {
  items = new Uint32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.items.length) {
      const bigger = new Uint32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = n;
  }
}

/** The field codes whose words are left out of namedRoles: keyword lists, software not shown. */
const UNNAMED_FIELDS = new Set([
  FIELD_NAMES.indexOf('keyword'),
  FIELD_NAMES.indexOf('moreSoftware'),
]);

/**
 * A role's entries as WordIndexBuilder takes them: each entry's field code × FIELD_SHIFT + its
 * word count, and all their words in entry order joined by spaces (a word holds none). Plain
 * data, so a worker thread can read them (store/parse-worker.ts).
 */
export interface RoleWords {
  about: number[];
  words: string;
}

export function roleWords(role: Role): RoleWords {
  const about: number[] = [];
  const words: string[] = [];
  for (const [field, text] of entryTexts(role)) {
    const ws = entryWords(text);
    for (const w of ws) words.push(w);
    about.push(FIELD_NAMES.indexOf(field) * FIELD_SHIFT + ws.length);
  }
  return { about, words: words.join(' ') };
}

/**
 * Builds the word tables of roles added one at a time (a big load need not keep its roles):
 * add() reads a role's entries into word numbers (in order of first sight) and forgets the
 * texts; finish() sorts the words, then counts each list's length and fills the lists in place,
 * all over flat number arrays. "Seen in this entry / role" is a stamp per word, not a set per
 * entry, so a big catalog makes no garbage per word.
 */
export class WordIndexBuilder {
  private readonly seen = new Map<string, number>();
  private readonly firstSeen: string[] = [];
  private readonly tokens = new U32List();
  /** Per entry: field code × FIELD_SHIFT + its word count, and where its words end in tokens. */
  private readonly about = new U32List();
  private readonly entryEnd = new U32List();
  /** Per role: where its entries end. */
  private readonly roleEnd = new U32List();

  /** Adds the next role, its words read already (roleWords) or read now. */
  add(role: Role, prepared: RoleWords = roleWords(role)): void {
    const words = prepared.words ? prepared.words.split(' ') : [];
    let k = 0;
    for (const about of prepared.about) {
      for (let n = entryLength(about); n > 0; n--) {
        const w = words[k++] as string;
        let id = this.seen.get(w);
        if (id === undefined) {
          id = this.firstSeen.length;
          // An own copy: a word sliced from a file's text would keep that whole text alive.
          const own = ownString(w);
          this.seen.set(own, id);
          this.firstSeen.push(own);
        }
        this.tokens.push(id);
      }
      this.about.push(about);
      this.entryEnd.push(this.tokens.length);
    }
    this.roleEnd.push(this.about.length);
  }

  /** How many roles were added. */
  get roles(): number {
    return this.roleEnd.length;
  }

  /**
   * The tables of the roles added, pausing after every ROLES_PER_STEP roles of each pass; with
   * `checked` false, the size limits are left to the caller (a part of a catalog, merged later).
   */
  *finish(checked = true): Generator<void, WordIndexData> {
    const { seen, firstSeen, tokens, about, entryEnd } = this;
    const roleEnd = this.roleEnd.items;
    const roleCount = this.roleEnd.length;
    if (checked) checkIndexSize(seen.size, tokens.length);
    return yield* fillTables(
      firstSeen,
      seen,
      tokens.items,
      about.items,
      entryEnd.items,
      roleEnd,
      roleCount,
    );
  }
}

/** Throws when a catalog of this many distinct words, and words with repeats, is too big to search. */
export function checkIndexSize(distinct: number, tokens: number): void {
  if (distinct > MAX_INDEX_WORDS || tokens > MAX_INDEX_ENTRIES)
    throw new DataError(
      `the data is too big to search: ${distinct} distinct words in ${tokens} (the limits are ${MAX_INDEX_WORDS} and ${MAX_INDEX_ENTRIES})`,
      [],
    );
}

/**
 * buildWordIndex in steps: the generator pauses after every ROLES_PER_STEP roles of each pass,
 * so a caller can yield to the event loop in between (a long first load stays interruptible).
 */
export function* buildWordIndexSteps(roles: readonly Role[]): Generator<void, WordIndexData> {
  const builder = new WordIndexBuilder();
  for (const [r, role] of roles.entries()) {
    builder.add(role);
    if ((r + 1) % ROLES_PER_STEP === 0) yield;
  }
  return yield* builder.finish();
}

/** WordIndexBuilder.finish: the words sorted, then the lists counted and filled. */
function* fillTables(
  firstSeen: readonly string[],
  seen: ReadonlyMap<string, number>,
  tokens: Uint32Array,
  about: Uint32Array,
  entryEnd: Uint32Array,
  roleEnd: Uint32Array,
  roleCount: number,
): Generator<void, WordIndexData> {
  const wordList = [...firstSeen].sort(byCodeUnit);
  /** A word's number in wordList, by its number of first sight. */
  const sorted = new Uint32Array(wordList.length);
  wordList.forEach((w, i) => (sorted[seen.get(w) ?? 0] = i));

  const n = wordList.length;
  const entries = { start: new Uint32Array(n + 1), items: new Uint32Array(0) };
  const perRole = { start: new Uint32Array(n + 1), items: new Uint32Array(0) };
  const named = { start: new Uint32Array(n + 1), items: new Uint32Array(0) };
  // Pass 2 counts into start[id + 1]; pass 3 writes at fill[id], which starts at start[id].
  for (const pass of ['count', 'fill'] as const) {
    const fillE = pass === 'fill' ? entries.start.slice(0, n) : undefined;
    const fillR = pass === 'fill' ? perRole.start.slice(0, n) : undefined;
    const fillN = pass === 'fill' ? named.start.slice(0, n) : undefined;
    const entryStamp = new Int32Array(n).fill(-1);
    const roleStamp = new Int32Array(n).fill(-1);
    const namedStamp = new Int32Array(n).fill(-1);
    let entry = 0;
    let token = 0;
    for (let r = 0; r < roleCount; r++) {
      if (r > 0 && r % ROLES_PER_STEP === 0) yield;
      const first = entry;
      for (; entry < (roleEnd[r] as number); entry++) {
        const code = about[entry] as number;
        const unnamed = UNNAMED_FIELDS.has(entryField(code));
        const end = entryEnd[entry] as number;
        for (; token < end; token++) {
          const id = sorted[tokens[token] as number] as number;
          if (entryStamp[id] !== entry) {
            entryStamp[id] = entry;
            if (fillE) {
              const at = fillE[id] as number;
              entries.items[at] = r;
              entries.items[at + 1] = entry - first;
              entries.items[at + 2] = code;
              fillE[id] = at + 3;
            } else (entries.start[id + 1] as number) += 3;
          }
          // The entry's last word (written above, or earlier in the entry when repeated).
          if (fillE && token === end - 1)
            (entries.items[(fillE[id] as number) - 1] as number) += HEAD_WORD;
          if (roleStamp[id] !== r) {
            roleStamp[id] = r;
            if (fillR) perRole.items[(fillR[id] as number)++] = r;
            else (perRole.start[id + 1] as number)++;
          }
          if (!unnamed && namedStamp[id] !== r) {
            namedStamp[id] = r;
            if (fillN) named.items[(fillN[id] as number)++] = r;
            else (named.start[id + 1] as number)++;
          }
        }
      }
    }
    if (pass === 'count') {
      for (const flat of [entries, perRole, named]) {
        for (let i = 0; i < n; i++) (flat.start[i + 1] as number) += flat.start[i] as number;
        flat.items = new Uint32Array(flat.start[n] as number);
      }
    }
  }

  return { ...stemTables(wordList), wordRoles: perRole, namedRoles: named, wordEntries: entries };
}

/** The stem tables of a sorted word list (see WordIndex.stems and stemWords). */
export function stemTables(
  wordList: string[],
): Pick<WordIndexData, 'words' | 'stems' | 'stemWords'> {
  const byStem = new Map<string, number[]>();
  wordList.forEach((w, i) => {
    const s = stem(w);
    const list = byStem.get(s);
    if (list) list.push(i);
    else byStem.set(s, [i]);
  });
  const stemList = [...byStem.keys()].sort(byCodeUnit);
  return {
    words: wordList,
    stems: stemList,
    stemWords: flatten(stemList.map((s) => byStem.get(s) ?? [])),
  };
}

/** Position of the first string in a sorted list that is not below `key`. */
export function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of a string in a sorted list, or -1. */
export function find(list: readonly string[], key: string): number {
  const i = lowerBound(list, key);
  return list[i] === key ? i : -1;
}

/** Kinds of role names: a role's own title or id, or another title it goes by. */
export const NAME_TITLE = 0;
export const NAME_ALIAS = 1;

/** A 32-bit FNV-1a hash of a string's code units. */
export function hashName(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The names of a role besides its title and id: O*NET title, aliases, O*NET alternate titles. */
export function otherNames(role: Role): string[] {
  return [role.onetTitle ?? '', ...role.aliases, ...role.onetTitles, ...role.historicTitles];
}

/** Bits of a name's hash kept beside each entry of the names table. */
export const NAME_TAG_BITS = 8;

/**
 * The names table: normalised titles and ids (kind NAME_TITLE) and the other names (NAME_ALIAS:
 * otherNames) hashed into buckets; bucket hashName(name) % count lists, roles ascending,
 * (role × 2 + kind) × 2^NAME_TAG_BITS + the top NAME_TAG_BITS bits of the name's hash. The tag
 * rules out almost every other name of the bucket without reading its role; a hit is still only
 * a candidate (hashes collide), so the caller checks the role's names.
 */
export function buildNameIndex(roles: readonly Role[]): FlatLists {
  return nameIndexOf(roles.map(roleNames));
}

/**
 * The names of a role as the names table keeps them (see buildNameIndex): hashes of the
 * normalised names. (Numbers, not the strings: a big load keeps these for every role until the
 * table is made, and a name sliced from a file's text would keep that whole text alive.)
 */
export interface RoleNames {
  titles: number[];
  aliases: number[];
}

export function roleNames(r: Role): RoleNames {
  return {
    titles: [hashName(normalize(r.title)), hashName(normalize(r.id))],
    aliases: otherNames(r)
      .map(normalize)
      .filter(Boolean)
      .map((name) => hashName(name)),
  };
}

/** buildNameIndex of each role's names, in role order (no role needs to be kept for it). */
export function nameIndexOf(names: readonly RoleNames[]): FlatLists {
  if (names.length >= 2 ** (31 - NAME_TAG_BITS))
    throw new RangeError(`the names table holds at most ${2 ** (31 - NAME_TAG_BITS)} roles`);
  const total = names.reduce((sum, n) => sum + 2 + n.aliases.length, 0);
  let count = 1;
  while (count < total / 8) count *= 2;
  const buckets: number[][] = Array.from({ length: count }, () => []);
  names.forEach((n, r) => {
    const add = (hash: number, kind: number) => {
      const bucket = buckets[hash % count] as number[];
      const item = (r * 2 + kind) * 2 ** NAME_TAG_BITS + (hash >>> (32 - NAME_TAG_BITS));
      if (!bucket.includes(item)) bucket.push(item);
    };
    for (const t of n.titles) add(t, NAME_TITLE);
    for (const a of n.aliases) add(a, NAME_ALIAS);
  });
  return flatten(buckets);
}
