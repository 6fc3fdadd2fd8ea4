/**
 * How close a query word is to each known word: exactly, by stem or prefix, or as a typo.
 * Typos: a walk over the word list's trie (core/word-trie.ts) proposes the words within the allowed
 * edit distance of the query word, its start or its stem; Fuse.js scores those and an
 * edit-distance check keeps real near-misses. A pack stores what Fuse.js matched for every known
 * word (typoLists), so only a query word the index does not know needs the walk.
 */
import Fuse from 'fuse.js';
import { find, lowerBound, stem, type WordIndex } from '../word-index.js';
import type { SearchIndex } from './index.js';
import { singular } from '../scope.js';
import { branchEnd, letterMask, trieOf, type WordTrie } from '../word-trie.js';

/** How Fuse.js matches one query word against known words. */
const FUSE_OPTIONS = { includeScore: true, threshold: 0.4, location: 0, distance: 8 } as const;

/** Similarity of a word bridged through WordNet at the strongest link (level 7). */
const BRIDGE_SIMILARITY = 0.6;
/** A query word found as typed is probably spelled right: its look-alikes count this share. */
const KNOWN_WORD_TYPO_SHARE = 0.8;

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

/** Most typo candidates kept for one word (see typoCandidates). */
const MAX_TYPO_CANDIDATES = 256;

/** Longest word typos are looked for in; longer ones match only exactly (bounds nearWords). */
export const MAX_TYPO_WORD = 64;

/** Typos tolerated in a word of this length: 1 up to 7 letters, 2 from 8, 3 from 12. */
function allowedTypos(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 4)));
}

/**
 * Adds to `out` the words of a sorted list within `k` typos (edit distance with adjacent swaps,
 * as editDistance) of `target`, and with `prefixes` also every longer word whose first
 * target.length letters are that close. Walks the list's trie (core/word-trie.ts), one row of
 * the edit-distance table per letter of a prefix; a branch is left once no longer prefix can
 * come within k, when all its words are too short, or when its words lack more than k of the
 * target's letters (each missing letter costs an edit).
 */
export function nearWords(
  list: readonly string[],
  target: string,
  k: number,
  prefixes: boolean,
  out: Set<number>,
  trie: WordTrie = trieOf(list),
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
  const letters = letterMask(target);
  const path = new Int32Array(maxDepth + 1);
  const { end, first, mask, char, longest } = trie;
  // Node n's prefix is `depth` letters long, and its row is filled in.
  const visit = (n: number, depth: number): void => {
    const row = depth * width;
    const distance = rows[row + m] as number;
    let lo = first[n] as number;
    const hi = branchEnd(trie, n, list.length);
    // The prefix itself is a word only as the first of the branch.
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
    for (let child = n + 1; child < (end[n] as number); child = end[child] as number) {
      // Words shorter than m - k are too far as whole words and too short to start with m
      // letters; a branch lacking more than k of the target's letters is too far as well.
      if ((longest[child] as number) < m - k) continue;
      let missing = letters & ~(mask[child] as number);
      for (let i = 0; missing !== 0 && i < k; i++) missing &= missing - 1;
      if (missing !== 0) continue;
      const c = char[child] as number;
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
      visit(child, depth + 1);
    }
  };
  if (list.length > 0) visit(0, 0);
}

/**
 * Words that may be a typo of the token: within the allowed edit distance as a whole word, by
 * their start, or by their stem. Every word the typo check in similarWords can keep is here.
 */
export function typoCandidates(tables: WordIndex, token: string): number[] {
  // nearWords' table grows with the square of the word: a word longer than any real one
  // matches only exactly (data files cannot hold such words; see MAX_WORD_LENGTH).
  if (token.length > MAX_TYPO_WORD) return [];
  const k = allowedTypos(token.length);
  const out = new Set<number>();
  nearWords(tables.words, token, k, true, out, tables.wordTrie?.());
  const stems = new Set<number>();
  nearWords(tables.stems, stem(token), k, false, stems, tables.stemTrie?.());
  for (const s of stems) for (const w of tables.stemWords.get(s)) out.add(w);
  // Real vocabularies give fewer than 70; a crafted one (thousands of near-identical words)
  // could make every word's look-up scan thousands: cut, so the cost per word stays bounded.
  return [...out].sort((a, b) => a - b).slice(0, MAX_TYPO_CANDIDATES);
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
export function typoLists(tables: WordIndex, from = 0, to = tables.words.length): number[][] {
  // A range of the words at a time, so a long build can pause between ranges.
  return tables.words
    .slice(from, to)
    .map((w) =>
      w.length >= 4 && w.length <= MAX_TYPO_WORD ? fuzzyAmongCandidates(tables, w) : [],
    );
}

/** Fuse.js matches of a token: stored for a known word, else among its typo candidates. */
function fuzzyMatches(index: SearchIndex, token: string, known: number): number[] {
  const tables = index.tables();
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
export function similarWords(index: SearchIndex, token: string): Map<number, number> {
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
  // A word the index lacks but English has ("patent") is no typo of another ("patient"); one
  // nothing matched may be bridged through WordNet ("paymaster" → "wages").
  const english = exact < 0 && token.length >= 4 ? lexiconEntry(index, token) : undefined;
  if (token.length >= 4 && !english?.common) {
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
  if (found.size === 0 && english) {
    const used: string[] = [];
    for (const { target, level } of english.links) {
      const t = find(known, target);
      if (t < 0) continue;
      used.push(target);
      const sim = BRIDGE_SIMILARITY * (level / 7);
      keep(t, sim);
      const s = find(tables.stems, stem(target));
      if (s >= 0) for (const word of tables.stemWords.get(s)) keep(word, sim * 0.9);
    }
    if (used.length) index.bridgedCache.set(token, used);
  }
  return found;
}

/** True when the lexicon holds a word, or its singular, as an English word in its own right. */
export function isEnglish(index: SearchIndex, token: string): boolean {
  const bridge = index.bridge();
  if (!bridge) return false;
  return bridge.common(token) || (singular(token) !== token && bridge.common(singular(token)));
}

/** The bridge's entry for a word, or for its singular ("paymasters" → "paymaster"). */
function lexiconEntry(index: SearchIndex, token: string) {
  const bridge = index.bridge();
  if (!bridge) return undefined;
  return (
    bridge.lookup(token) ?? (singular(token) !== token ? bridge.lookup(singular(token)) : undefined)
  );
}

/** The same word, or the same stem: how keywords match (prefixes and typos there are mostly noise). */
export function stemMatch(word: string, token: string): boolean {
  return word === token || stem(word) === stem(token);
}
