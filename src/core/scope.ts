/**
 * Out of scope, said honestly: a query that names a job outside the catalogue ("registered
 * nurse", "truck driver") is recognised by comparing it with the title of every O*NET occupation
 * the catalogue lacks (data/occupations.tsv), rather than shown as a confident wrong card.
 *
 * A query is out of scope when an outside occupation's title covers clearly more of its words
 * than the catalogue's own names (titles and aliases) do: see outOfScope().
 */
import { stem, words } from './word-index.js';
import type { Occupation } from '../data/occupations.js';

export type { Occupation } from '../data/occupations.js';

/** The occupations whose codes no role of a catalogue has. */
export function outsideOf(
  occupations: readonly Occupation[],
  roles: ReadonlyArray<{ socCodes: readonly string[] }>,
): Occupation[] {
  const codes = new Set(roles.flatMap((r) => r.socCodes));
  return occupations.filter((o) => !codes.has(o.code));
}

/** A word without its plural ending: "nurses" → "nurse", "secretaries" → "secretary". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && /(ss|us|is)$/.test(word)) return word;
  if (word.length > 4 && /(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** A word with the forms sameWord compares, worked out once. */
interface WordForms {
  word: string;
  singular: string;
  stem: string;
}

function formsOf(word: string): WordForms {
  return { word, singular: singular(word), stem: stem(word) };
}

/** True when a title word is the query word: the same, by plural, by stem, or by its start. */
function sameWord(query: WordForms, title: WordForms): boolean {
  return (
    query.word === title.word ||
    query.singular === title.singular ||
    query.stem === title.stem ||
    (query.word.length >= 4 && title.word.startsWith(query.word))
  );
}

/**
 * The words of each occupation's title, made once per list; a word's forms once per word (the
 * ~4,000 title words of O*NET's list are ~1,200 distinct ones).
 */
const titleWordCache = new WeakMap<readonly Occupation[], WordForms[][]>();
function titleWords(occupations: readonly Occupation[]): WordForms[][] {
  let found = titleWordCache.get(occupations);
  if (!found) {
    const forms = new Map<string, WordForms>();
    const formsOnce = (w: string) => {
      let f = forms.get(w);
      if (!f) forms.set(w, (f = formsOf(w)));
      return f;
    };
    found = occupations.map((o) => words(o.title.replace(/,?\s+except\b.*$/i, '')).map(formsOnce));
    titleWordCache.set(occupations, found);
  }
  return found;
}

/** How many of the occupations' titles hold a word (as sameWord counts it). */
export function titlesHolding(word: string, occupations: readonly Occupation[]): number {
  const forms = formsOf(word);
  return titleWords(occupations).filter((ws) => ws.some((w) => sameWord(forms, w))).length;
}

/** An outside occupation a query is about, and how much of the query its title covers. */
export interface OutsideMatch {
  occupation: Occupation;
  /** Weighted share of the query's words found in its title (0–1). */
  coverage: number;
  /** The same for the catalogue's best-matching name. */
  inside: number;
  /** Which of the query's words its title holds. */
  covered: boolean[];
}

/** How much more of the query an outside title must cover than the catalogue's best name... */
export const OUTSIDE_MARGIN = 0.15;
/** ...and how much of it at least. */
export const OUTSIDE_MIN_COVERAGE = 0.5;

/**
 * The occupation outside the catalogue a query is about, or undefined when it may be a back
 * office job. `occupations` are those the catalogue lacks; `namedIn[t]` lists the catalogue's
 * names (titles, aliases; any ids) holding query word t. Words count by rarity across all these
 * titles ("nurse" says more than "registered", "software" more than "engineer"); the query is
 * out of scope when the best outside title covers at least OUTSIDE_MIN_COVERAGE of it and
 * OUTSIDE_MARGIN more than the best name of the catalogue, that is of the names in `inside`
 * (by default all of namedIn's).
 */
export function outOfScope(
  tokens: readonly string[],
  namedIn: ReadonlyArray<ReadonlySet<number>>,
  occupations: readonly Occupation[],
  inside: ReadonlyArray<ReadonlySet<number>> = namedIn,
): OutsideMatch | undefined {
  const T = tokens.length;
  if (T === 0) return undefined;
  const titles = titleWords(occupations);
  const forms = tokens.map(formsOf);
  const covers = titles.map((ws) => forms.map((t) => ws.some((w) => sameWord(t, w))));
  // A word no title at all holds ("journeyman") tells neither way: it does not count.
  const weights = tokens.map((_, t) => {
    const df = covers.filter((c) => c[t]).length + (namedIn[t]?.size ?? 0);
    return df === 0 ? 0 : 1 / (1 + Math.log(1 + df));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  let best = -1;
  let coverage = 0;
  covers.forEach((c, i) => {
    const share = c.reduce((sum, hit, t) => sum + (hit ? (weights[t] as number) : 0), 0) / total;
    if (
      share > coverage + 1e-9 ||
      (share > 0 &&
        Math.abs(share - coverage) <= 1e-9 &&
        (titles[i]?.length ?? 0) < (titles[best]?.length ?? Infinity))
    ) {
      best = i;
      coverage = share;
    }
  });
  if (best < 0 || coverage < OUTSIDE_MIN_COVERAGE) return undefined;
  // The catalogue's best name: the one holding the most query weight.
  const byName = new Map<number, number>();
  inside.forEach((names, t) => {
    for (const n of names) byName.set(n, (byName.get(n) ?? 0) + (weights[t] as number));
  });
  const insideCoverage = Math.max(0, ...byName.values()) / total;
  if (coverage < insideCoverage + OUTSIDE_MARGIN) return undefined;
  return {
    occupation: occupations[best] as Occupation,
    coverage,
    inside: insideCoverage,
    covered: covers[best] as boolean[],
  };
}
