/**
 * Job-posting noise in a query: levels ("II", "Sr.", "Lead"), schedules ("Part-Time", "Remote",
 * "Seasonal"), and a place or department after " - " or in parentheses say nothing about which
 * job it is. They are parsed out as qualifiers (shown as such, never matched against role text),
 * and titles joined by " / " ("Bookkeeper / Office Assistant") are read as alternatives.
 */

import { isAscii } from '../text.js';

/** Words that qualify a posting anywhere in it: levels and schedules. */
const QUALIFIER_WORDS = new Set([
  'i',
  'ii',
  'iii',
  'iv',
  'sr',
  'senior',
  'jr',
  'junior',
  'lead',
  'remote',
  'hybrid',
  'seasonal',
  'temp',
  'temporary',
  'parttime',
  'fulltime',
  'multistate',
  'wfh',
  'onsite',
  'prn',
]);

/** Phrases that qualify a posting anywhere in it (matched on lower-cased words). */
const QUALIFIER_PHRASES = [
  ['part', 'time'],
  ['full', 'time'],
  ['multi', 'state'],
  ['work', 'from', 'home'],
  ['on', 'site'],
  ['per', 'diem'],
  ['temp', 'to', 'hire'],
  ['contract', 'to', 'hire'],
  ['entry', 'level'],
  ['night', 'shift'],
  ['day', 'shift'],
  ['evening', 'shift'],
  ['1st', 'shift'],
  ['2nd', 'shift'],
  ['3rd', 'shift'],
];

/** What a query says, with its posting noise taken out. */
export interface ParsedQuery {
  /** The query without its qualifiers (the whole query when nothing else would be left). */
  text: string;
  /** Titles joined by " / ", each read on its own as well ([] when there is one). */
  alternatives: string[];
  /** The qualifiers found, as typed ("Part-Time", "Sr.", "Chicago, IL"). */
  qualifiers: string[];
}

/** Lower-case word of a raw token ("Sr." → "sr", "Part-Time" → "parttime"). */
const bare = (token: string) => token.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Takes the qualifier words and phrases out of a run of text; returns what is left and adds what
 * was taken to `found`.
 */
function stripWords(text: string, found: string[]): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const keep: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = QUALIFIER_PHRASES.find((p) =>
      p.every((w, j) => bare(tokens[i + j] ?? '') === w),
    );
    if (phrase) {
      found.push(tokens.slice(i, i + phrase.length).join(' '));
      i += phrase.length - 1;
      continue;
    }
    const word = bare(tokens[i] as string);
    // "I" is a level only after another word ("Office Clerk I"), never alone.
    if (QUALIFIER_WORDS.has(word) && !(word === 'i' && keep.length === 0)) {
      found.push(tokens[i] as string);
      continue;
    }
    keep.push(tokens[i] as string);
  }
  return keep.join(' ');
}

/** Trims punctuation left at the ends of a piece once its qualifiers are gone. */
const tidy = (text: string) =>
  text
    .replace(/^[\s,;:/&-]+|[\s,;:/&-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The letter classes parseQuery needs: for plain ASCII, ASCII ones (see patternsFor). */
interface LetterPatterns {
  /** Single letters joined by a slash ("A/P"). */
  slashed: RegExp;
  /** A letter or digit anywhere. */
  any: RegExp;
  /** Two letters or digits in a row. */
  two: RegExp;
}

const ASCII_PATTERNS: LetterPatterns = {
  slashed: /(^|[^A-Za-z0-9])([A-Za-z])\/([A-Za-z])(?![A-Za-z0-9])/g,
  any: /[A-Za-z0-9]/,
  two: /[A-Za-z0-9]{2}/,
};
let unicodePatterns: LetterPatterns | undefined;

/**
 * The same classes for any text: plain ASCII, where \p{L} is A–Z and a–z and \p{N} is 0–9, takes
 * the ASCII ones (see isAscii).
 */
function patternsFor(text: string): LetterPatterns {
  if (isAscii(text)) return ASCII_PATTERNS;
  return (unicodePatterns ??= {
    slashed: /(^|[^\p{L}\p{N}])(\p{L})\/(\p{L})(?![\p{L}\p{N}])/gu,
    any: /[\p{L}\p{N}]/u,
    two: /[\p{L}\p{N}]{2}/u,
  });
}

/**
 * Parses a raw query: parentheses and the part after the first " - " (or " – ", " | ") are
 * qualifiers (a place, a department, a schedule), as is a trailing ", XX" state or a trailing
 * comma part made only of qualifier words; qualifier words and phrases go anywhere. When that
 * would leave no words, the query is read as typed.
 */
export function parseQuery(raw: string): ParsedQuery {
  const qualifiers: string[] = [];
  const letters = patternsFor(raw);
  // Single letters joined by a slash are one abbreviation ("A/P Clerk" is an "AP clerk"), not
  // two titles.
  let text = raw.replace(letters.slashed, '$1$2$3');
  text = text.replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    if (inner.trim()) qualifiers.push(inner.trim());
    return ' ';
  });
  const dash = text.search(/\s[-–—|]\s/);
  if (dash >= 0) {
    const tail = tidy(text.slice(dash + 2));
    if (tail) qualifiers.push(tail);
    text = text.slice(0, dash);
  }
  // "Compensation Analyst, Sr." or "Data Entry Clerk, Remote": a trailing comma part of qualifiers.
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    const found: string[] = [];
    const left = stripWords(text.slice(comma + 1), found);
    if (found.length > 0 && !tidy(left)) {
      qualifiers.push(...found);
      text = text.slice(0, comma);
    }
  }
  text = tidy(stripWords(text, qualifiers));
  if (!letters.any.test(text)) return { text: raw, alternatives: [], qualifiers: [] };
  const alternatives = text.includes('/')
    ? text
        .split(/\s*\/\s*/)
        .map(tidy)
        .filter((t) => letters.two.test(t))
    : [];
  return { text, alternatives: alternatives.length > 1 ? alternatives : [], qualifiers };
}
