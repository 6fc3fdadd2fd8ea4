/**
 * A sorted word list as a trie, for the typo walk (core/search/typos.ts nearWords): each node is
 * a prefix shared by a run of the list's words, with what the walk needs to skip a whole branch
 * (which letters its words hold, how long the longest is). Flat typed arrays in depth-first
 * order, built once per list and stored in a pack, so a run that looks up an unknown word
 * neither builds it nor searches the list for where each branch starts.
 */

/** The trie of a sorted list of distinct words. Node 0 is the root, the empty prefix. */
export interface WordTrie {
  /** Past the last node of each node's branch: the children of n are n + 1, then end[child]… */
  end: Uint32Array;
  /** The first word (number in the list) of each node's branch (see branchEnd for the last). */
  first: Uint32Array;
  /** The letters (letterMask) of all the words of each node's branch. */
  mask: Int32Array;
  /** The letter (UTF-16 code unit) leading into each node; 0 for the root. */
  char: Uint16Array;
  /** The length of the longest word of each node's branch, capped at 255. */
  longest: Uint8Array;
}

/**
 * The letters of a text (its first `to` code units) as bits: bit (code unit mod 32). Letters
 * sharing a bit blur together, which only makes a branch look closer than it is.
 */
export function letterMask(text: string, to = text.length): number {
  let m = 0;
  for (let i = 0; i < to; i++) m |= 1 << (text.charCodeAt(i) & 31);
  return m;
}

/** Number of nodes of a trie. */
export function trieSize(trie: WordTrie): number {
  return trie.end.length;
}

/** Builds the trie of a list sorted by code unit (as the search index sorts its words). */
export function buildTrie(list: readonly string[]): WordTrie {
  let size = 1;
  for (let i = 0; i < list.length; i++) size += (list[i] as string).length - shared(list, i);
  const trie: WordTrie = {
    end: new Uint32Array(size),
    first: new Uint32Array(size),
    mask: new Int32Array(size),
    char: new Uint16Array(size),
    longest: new Uint8Array(size),
  };
  // The nodes of the current word's prefixes, by depth.
  const path: number[] = [0];
  let next = 1;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    const keep = shared(list, i);
    while (path.length > keep + 1) trie.end[path.pop() as number] = next;
    for (let d = keep; d < word.length; d++) {
      trie.char[next] = word.charCodeAt(d);
      trie.first[next] = i;
      path.push(next++);
    }
    const m = letterMask(word);
    const length = Math.min(255, word.length);
    for (const n of path) {
      trie.mask[n] = (trie.mask[n] as number) | m;
      if (length > (trie.longest[n] as number)) trie.longest[n] = length;
    }
  }
  for (const n of path) trie.end[n] = next;
  return trie;
}

/** Past the last word of node n's branch. */
export function branchEnd(trie: WordTrie, n: number, words: number): number {
  const after = trie.end[n] as number;
  return after < trie.end.length ? (trie.first[after] as number) : words;
}

/** How many leading code units word i shares with word i - 1. */
function shared(list: readonly string[], i: number): number {
  if (i === 0) return 0;
  const a = list[i - 1] as string;
  const b = list[i] as string;
  let d = 0;
  while (d < a.length && d < b.length && a.charCodeAt(d) === b.charCodeAt(d)) d++;
  return d;
}

/** Tries built in this run, per list (a list is built once and never changed). */
const built = new WeakMap<readonly string[], WordTrie>();

/** The trie of a list, built on first use. */
export function trieOf(list: readonly string[]): WordTrie {
  let trie = built.get(list);
  if (!trie) built.set(list, (trie = buildTrie(list)));
  return trie;
}

/** A trie as one block of bytes (the u32 arrays first, so each stays 4-byte aligned). */
export function trieBytes(trie: WordTrie): Uint8Array[] {
  return [trie.end, trie.first, trie.mask, trie.char, trie.longest].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );
}

/** Bytes per node in trieBytes. */
const NODE_BYTES = 4 + 4 + 4 + 2 + 1;

/** Reads trieBytes back; `bytes` must start 4-byte aligned. Throws if the size is wrong. */
export function trieFromBytes(bytes: Uint8Array): WordTrie {
  const n = bytes.byteLength / NODE_BYTES;
  if (!Number.isInteger(n) || n < 1) throw new Error(`a trie of ${bytes.byteLength} bytes`);
  const { buffer, byteOffset: at } = bytes;
  return {
    end: new Uint32Array(buffer, at, n),
    first: new Uint32Array(buffer, at + 4 * n, n),
    mask: new Int32Array(buffer, at + 8 * n, n),
    char: new Uint16Array(buffer, at + 12 * n, n),
    longest: new Uint8Array(buffer, at + 14 * n, n),
  };
}
