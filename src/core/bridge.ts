/**
 * The WordNet bridge: for English words, the words of the search vocabulary WordNet links them
 * to (synonyms, derived forms, hypernyms, definition words), computed at build time
 * (scripts/wordnet-bridge.mjs) and stored in the built-in pack in hash buckets, so a look-up
 * reads one small bucket. Keyed by English words and naming target words as text, it applies to
 * any index: search keeps the targets the index at hand knows. A word the table holds as
 * "common" is an English word in its own right, never taken for a typo of another.
 */
import { hashName } from './word-index.js';

/** One link of a word: a target word and how strong the link is (1–7). */
export interface BridgeLink {
  target: string;
  level: number;
}

export interface BridgeEntry {
  /** Seen in WordNet's sense-tagged corpus: an English word, not a typo. */
  common: boolean;
  links: BridgeLink[];
}

/** Looks words up in the bridge table. */
export interface Bridge {
  lookup(word: string): BridgeEntry | undefined;
  /** lookup(word)?.common without reading the links (and the vocabulary they name). */
  common(word: string): boolean;
}

/** The table as the build makes it: target words, and per word [word, common, [[target, level]]]. */
export interface BridgeData {
  vocabulary: string[];
  words: Array<[string, boolean, Array<[number, number]>]>;
}

/** Words per bucket, about. */
const BUCKET_WORDS = 32;

/**
 * The table as text buckets: a word's line is in bucket hashName(word) % count, as
 * `word[!]:t,t,…` (`!` for common; each t is target number × 8 + level, base 36).
 */
export function encodeBridge(data: BridgeData): { vocabulary: string[]; buckets: string[] } {
  let count = 1;
  while (count < data.words.length / BUCKET_WORDS) count *= 2;
  const buckets: string[][] = Array.from({ length: count }, () => []);
  for (const [word, common, links] of data.words) {
    const line = `${word}${common ? '!' : ''}:${links.map(([t, l]) => (t * 8 + l).toString(36)).join(',')}`;
    (buckets[hashName(word) % count] as string[]).push(line);
  }
  return { vocabulary: data.vocabulary, buckets: buckets.map((b) => b.join('\n')) };
}

/** Reads a bridge from its buckets: `bucket(i)` and `vocabulary()` are called when first needed. */
export function bridgeFromBuckets(
  count: number,
  bucket: (i: number) => string,
  vocabulary: () => readonly string[],
): Bridge {
  const cache = new Map<string, BridgeEntry | undefined>();
  /** A word's line holds `!` before its colon when the word is common English. */
  const isCommon = (line: string) => line[line.indexOf(':') - 1] === '!';
  /** A word's line in its bucket (`word[!]:links`), if the table has the word. */
  const lineOf = (word: string): string | undefined => {
    if (count === 0 || !/^[a-z]+$/.test(word)) return undefined;
    const text = bucket(hashName(word) % count);
    const start = text.startsWith(`${word}:`) || text.startsWith(`${word}!:`) ? 0 : -1;
    const at =
      start === 0 ? 0 : Math.max(text.indexOf(`\n${word}:`), text.indexOf(`\n${word}!:`)) + 1 || -1;
    if (at < 0) return undefined;
    const end = text.indexOf('\n', at);
    return text.slice(at, end < 0 ? text.length : end);
  };
  return {
    lookup(word) {
      if (cache.has(word)) return cache.get(word);
      let found: BridgeEntry | undefined;
      const line = lineOf(word);
      if (line !== undefined) {
        const colon = line.indexOf(':');
        const common = isCommon(line);
        const vocab = line.length > colon + 1 ? vocabulary() : [];
        const links = line
          .slice(colon + 1)
          .split(',')
          .filter(Boolean)
          .map((code) => {
            const n = parseInt(code, 36);
            return { target: vocab[Math.floor(n / 8)] ?? '', level: n % 8 };
          })
          .filter((l) => l.target);
        found = { common, links };
      }
      cache.set(word, found);
      return found;
    },
    common(word) {
      const found = cache.get(word);
      if (found) return found.common;
      const line = lineOf(word);
      return line !== undefined && isCommon(line);
    },
  };
}

/** A bridge held in memory (tests, and the build's own checks). */
export function bridgeOf(data: BridgeData): Bridge {
  const { vocabulary, buckets } = encodeBridge(data);
  return bridgeFromBuckets(
    buckets.length,
    (i) => buckets[i] ?? '',
    () => vocabulary,
  );
}
