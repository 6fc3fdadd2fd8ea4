/**
 * Reading the query: its words, checked and capped, and its readings (abbreviations expanded,
 * synonyms swapped in, from data/synonyms.yaml).
 */
import { UsageError } from '../../errors.js';
import type { Synonyms } from '../../data/synonyms.js';
import { normalize, words } from '../word-index.js';

/** Longest query accepted, in characters; the rest is ignored so a pasted essay cannot stall the search. */
export const MAX_QUERY_LENGTH = 200;
/** Most query words considered. */
const MAX_QUERY_WORDS = 12;

/** Most readings of one query tried (abbreviations expanded, synonyms swapped). */
const MAX_VARIANTS = 16;

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
