/**
 * Out of scope, said honestly: a query that names a job outside the catalogue ("registered
 * nurse", "truck driver") is recognised by comparing it with the title of every O*NET occupation
 * the catalogue lacks (data/occupations.tsv), rather than shown as a confident wrong card.
 *
 * A query is out of scope when an outside occupation's title covers clearly more of its words
 * than the catalogue's own names (titles and aliases) do: see outOfScope().
 */
import { stem, words } from './word-index.js';

/** An O*NET occupation: code and title. */
export interface Occupation {
  code: string;
  title: string;
}

/** The occupations whose codes no role of a catalogue has. */
export function outsideOf(
  occupations: readonly Occupation[],
  roles: ReadonlyArray<{ socCodes: readonly string[] }>,
): Occupation[] {
  const codes = new Set(roles.flatMap((r) => r.socCodes));
  return occupations.filter((o) => !codes.has(o.code));
}

/** Parses data/occupations.tsv (code, title; # lines are comments, one header row). */
export function parseOccupations(tsv: string): Occupation[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((l) => {
      const [code = '', title = ''] = l.split('\t');
      return { code, title };
    });
}

/** A word without its plural ending: "nurses" → "nurse", "secretaries" → "secretary". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && /(ss|us|is)$/.test(word)) return word;
  if (word.length > 4 && /(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** True when a title word is the query word: the same, by plural, by stem, or by its start. */
function sameWord(query: string, title: string): boolean {
  return (
    query === title ||
    singular(query) === singular(title) ||
    stem(query) === stem(title) ||
    (query.length >= 4 && title.startsWith(query))
  );
}

/** Share of the query words some title covers, best title first. */
export interface OutsideMatch {
  occupation: Occupation;
  /** Share of the query's words found in its title (0–1). */
  coverage: number;
}

/** The occupation whose title covers most of the query words (ties: fewest title words). */
export function bestOutside(
  tokens: readonly string[],
  occupations: readonly Occupation[],
): OutsideMatch | undefined {
  let best: OutsideMatch | undefined;
  let bestLength = Infinity;
  for (const occupation of occupations) {
    const titleWords = words(occupation.title.replace(/,?\s+except\b.*$/i, ''));
    const covered = tokens.filter((t) => titleWords.some((w) => sameWord(t, w))).length;
    const coverage = tokens.length ? covered / tokens.length : 0;
    if (
      coverage > 0 &&
      (!best ||
        coverage > best.coverage ||
        (coverage === best.coverage && titleWords.length < bestLength))
    ) {
      best = { occupation, coverage };
      bestLength = titleWords.length;
    }
  }
  return best;
}

/** How much more of the query an outside title must cover than the catalogue's names. */
export const OUTSIDE_MARGIN = 0.25;
/** ...and how much of it at least. */
export const OUTSIDE_MIN_COVERAGE = 0.5;

/**
 * The occupation outside the catalogue (`occupations` are those the catalogue lacks) a query is
 * about, or undefined when it may be a back office job. `inside` is the share of the query's
 * words the catalogue's own names (titles, aliases) hold.
 */
export function outOfScope(
  tokens: readonly string[],
  inside: number,
  occupations: readonly Occupation[],
): OutsideMatch | undefined {
  const best = bestOutside(tokens, occupations);
  if (!best || best.coverage < OUTSIDE_MIN_COVERAGE) return undefined;
  return best.coverage >= inside + OUTSIDE_MARGIN ? best : undefined;
}
