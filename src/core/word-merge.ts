/**
 * The word tables of a catalog after a few of its roles changed, made from the tables it had
 * before and the tables of the roles that are new or edited: a re-load of a big --data directory
 * copies the old lists (dropping the roles that went, renumbering the rest) instead of reading
 * every role's texts again. The result is the same as buildWordIndex of the whole new catalog
 * (same words, lists, order and size limits), so nothing downstream can tell how it was made.
 */
import {
  checkIndexSize,
  entryLength,
  stemTables,
  type FlatLists,
  type WordIndexData,
} from './word-index.js';

/** The word lists of some tables, flat (what mergeWordIndex reads). */
export type WordLists = Pick<WordIndexData, 'words' | 'wordRoles' | 'namedRoles' | 'wordEntries'>;

/** A flat table being written, one list after another. */
class FlatWriter {
  readonly start: Uint32Array;
  items: Uint32Array;
  length = 0;
  constructor(lists: number, capacity: number) {
    this.start = new Uint32Array(lists + 1);
    this.items = new Uint32Array(capacity);
  }
  /** Ends list `i` (the items pushed since the last end belong to it). */
  end(i: number): void {
    this.start[i + 1] = this.length;
  }
  done(): FlatLists {
    return { start: this.start, items: this.items.subarray(0, this.length) };
  }
}

/**
 * Appends list `w` of the old table (items of `width` numbers, the role first), roles renumbered
 * by `oldRole` (-1: the role went), merged by role with list `a` of the added table, renumbered
 * by `addedRole`. Both renumberings keep the order, so the result stays ascending.
 */
function mergeList(
  out: FlatWriter,
  width: number,
  old: FlatLists | undefined,
  w: number,
  oldRole: Int32Array,
  added: FlatLists | undefined,
  a: number,
  addedRole: Uint32Array,
): void {
  let i = old && w >= 0 ? (old.start[w] as number) : 0;
  const iEnd = old && w >= 0 ? (old.start[w + 1] as number) : 0;
  let j = added && a >= 0 ? (added.start[a] as number) : 0;
  const jEnd = added && a >= 0 ? (added.start[a + 1] as number) : 0;
  const items = out.items;
  for (;;) {
    // Skip the old items of roles that went.
    while (i < iEnd && (oldRole[(old as FlatLists).items[i] as number] as number) < 0) i += width;
    const ri = i < iEnd ? (oldRole[(old as FlatLists).items[i] as number] as number) : -1;
    const rj = j < jEnd ? (addedRole[(added as FlatLists).items[j] as number] as number) : -1;
    if (ri < 0 && rj < 0) return;
    const fromOld = rj < 0 || (ri >= 0 && ri < rj);
    const [src, at] = fromOld ? [(old as FlatLists).items, i] : [(added as FlatLists).items, j];
    items[out.length++] = fromOld ? ri : rj;
    for (let k = 1; k < width; k++) items[out.length++] = src[at + k] as number;
    if (fromOld) i += width;
    else j += width;
  }
}

/**
 * Words with repeats in the entries of a wordEntries table: each entry counted once, with the
 * word count its code holds (see WordIndex.wordEntries).
 */
function tokenCount(entries: FlatLists, roles: number): number {
  const lastEntry = new Int32Array(roles).fill(-1);
  for (let t = 0; t < entries.items.length; t += 3) {
    const [r, e] = [entries.items[t] as number, entries.items[t + 1] as number];
    if (e > (lastEntry[r] as number)) lastEntry[r] = e;
  }
  const first = new Uint32Array(roles + 1);
  for (let r = 0; r < roles; r++)
    first[r + 1] = (first[r] as number) + (lastEntry[r] as number) + 1;
  const counted = new Uint8Array(first[roles] as number);
  let tokens = 0;
  for (let t = 0; t < entries.items.length; t += 3) {
    const at = (first[entries.items[t] as number] as number) + (entries.items[t + 1] as number);
    if (!counted[at]) {
      counted[at] = 1;
      tokens += entryLength(entries.items[t + 2] as number);
    }
  }
  return tokens;
}

/**
 * The tables of a catalog of `roles` roles: the old tables' roles renumbered by `oldRole` (old
 * role → new role, -1 for a role that went), and `added`'s roles by `addedRole` (its role i →
 * new role). Each renumbering must keep the order of the roles it keeps; together they must
 * name every new role once. Throws as buildWordIndex does when the catalog is too big to search.
 */
export function mergeWordIndex(
  old: WordLists,
  oldRole: Int32Array,
  added: WordLists,
  addedRole: Uint32Array,
  roles: number,
): WordIndexData {
  // The words of both, sorted by code unit; words left with no role are dropped afterwards.
  const both: Array<[string, number, number]> = [];
  let [i, j] = [0, 0];
  while (i < old.words.length || j < added.words.length) {
    const [wi, wj] = [old.words[i], added.words[j]];
    if (wj === undefined || (wi !== undefined && wi < wj)) both.push([wi as string, i++, -1]);
    else if (wi === undefined || wj < wi) both.push([wj, -1, j++]);
    else both.push([wi, i++, j++]);
  }
  const n = both.length;
  const capacity = (table: keyof Omit<WordLists, 'words'>) =>
    old[table].items.length + added[table].items.length;
  const entries = new FlatWriter(n, capacity('wordEntries'));
  const perRole = new FlatWriter(n, capacity('wordRoles'));
  const named = new FlatWriter(n, capacity('namedRoles'));
  const wordList: string[] = [];
  for (const [word, w, a] of both) {
    const k = wordList.length;
    const before = perRole.length;
    mergeList(perRole, 1, old.wordRoles, w, oldRole, added.wordRoles, a, addedRole);
    if (perRole.length === before) continue; // every role that had it went
    mergeList(named, 1, old.namedRoles, w, oldRole, added.namedRoles, a, addedRole);
    mergeList(entries, 3, old.wordEntries, w, oldRole, added.wordEntries, a, addedRole);
    wordList.push(word);
    for (const t of [perRole, named, entries]) t.end(k);
  }
  const trim = (t: FlatWriter): FlatLists => {
    const flat = t.done();
    return { start: flat.start.slice(0, wordList.length + 1), items: flat.items };
  };
  const wordEntries = trim(entries);
  checkIndexSize(wordList.length, tokenCount(wordEntries, roles));
  return {
    ...stemTables(wordList),
    wordRoles: trim(perRole),
    namedRoles: trim(named),
    wordEntries,
  };
}
