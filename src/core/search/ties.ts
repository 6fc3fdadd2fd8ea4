/**
 * Ties between roles sharing a title, broken after ranking (rank.ts): the generic role first.
 */
import { entryWords, normalize, stem } from '../word-index.js';
import type { SearchHit } from './index.js';

/**
 * Roles sharing a title ("Front Desk Receptionist" is a receptionist's and a medical
 * secretary's): when hits tie on the same text, the generic role (fewer words of its own title
 * missing from the query) goes first, unless the query's domain word ("medical") already lifted
 * the other above it.
 */
export function breakSharedTitleTies(hits: SearchHit[], tokens: string[]): void {
  const query = new Set(tokens.map(stem));
  const missing = (h: SearchHit) => entryWords(h.title).filter((w) => !query.has(stem(w))).length;
  for (let i = 0; i + 1 < hits.length; i++) {
    const a = hits[i] as SearchHit;
    const b = hits[i + 1] as SearchHit;
    if (
      Math.abs(a.score - b.score) <= TIE &&
      normalize(a.matched.value) === normalize(b.matched.value) &&
      missing(b) < missing(a)
    ) {
      // Swapped places, each taking the other's score (the order of scores stays).
      [a.score, b.score] = [b.score, a.score];
      hits[i] = b;
      hits[i + 1] = a;
    }
  }
}
/** Scores this close are a tie. */
const TIE = 0.05;
