/**
 * Small text helpers shared by renderers: sanitising, display width, money, wrapping.
 */
import stringWidth from 'string-width';

/** Any character clean() removes or replaces; text without one is returned as is. */
const UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Removes control characters, escape sequences and bidi overrides from text taken from data
 * or user input, so nothing printed can drive the terminal: ANSI CSI (colours, clear screen),
 * OSC (hyperlinks, clipboard writes, window titles), C1 controls, carriage returns, bidi
 * embeddings, overrides and isolates, and line/paragraph separators. Tabs become spaces;
 * newlines are kept. The ESC of any other escape sequence is dropped, leaving plain text.
 */
export function clean(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '') // OSC ... BEL/ST
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI
    .replace(/\t/g, ' ')
    .replace(
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      '',
    );
}

/**
 * A copy of data with every string in it cleaned (arrays, plain objects and Maps are walked).
 * Renderers call it on what they are given, so no field of a role, quiz or result can reach the
 * terminal raw, whichever way a renderer prints it.
 */
export function cleanDeep<T>(value: T): T {
  // Almost all data is clean: check first, without copying anything.
  return hasUnsafe(value) ? copyClean(value) : value;
}

/** True when some string inside the value holds a character clean() removes. */
export function hasUnsafe(value: unknown): boolean {
  if (typeof value === 'string') return UNSAFE.test(value);
  if (Array.isArray(value)) return value.some(hasUnsafe);
  if (value instanceof Map) return [...value.values()].some(hasUnsafe);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasUnsafe);
  return false;
}

function copyClean<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map(copyClean) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copyClean(v)])) as T;
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyClean(v)])) as T;
  }
  return value;
}

/**
 * True when text is plain ASCII. Code with a Unicode property regex (\p{L}, whose first use costs
 * ~1 ms to compile) takes an ASCII one instead for such text, which is almost every query.
 */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * Columns a line of text takes in a terminal: East Asian wide characters and emoji count two,
 * combining marks none, escape codes none (string-width's measure).
 */
export function displayWidth(text: string): number {
  // string-width's emoji pass is costly; most text is made only of characters one column wide.
  return NARROW_ONLY.test(text) ? text.length : stringWidth(text);
}

/**
 * Text made only of characters string-width counts as one column each, alone or together:
 * printable ASCII, Latin-1 to spacing modifiers, general punctuation, currency, letterlike,
 * arrows, math, box drawing, blocks, shapes and the first symbols (no combining marks, no
 * controls, no wide or emoji characters, no joiners). A unit test checks it against string-width.
 */
export const NARROW_ONLY =
  /^[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u2319\u2500-\u25fc\u2600-\u2613]*$/;

/** "1234567" → "1,234,567", without toLocaleString (whose first call loads ICU: ~10 ms). */
function thousands(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Formats whole US dollars as "$46,040". */
export function money(n: number | undefined): string {
  return n === undefined ? '–' : `$${thousands(Math.round(n))}`;
}

/** "+$3,780" or "−$8,120"; "–" when there is no figure. */
export function signedMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return `${n >= 0 ? '+' : '−'}${money(Math.abs(n))}`;
}

/** "1 role", "3 roles". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Formats a count as "1,234". */
export function count(n: number | undefined): string {
  return n === undefined ? '–' : thousands(n);
}

/** Wraps prose to a width, breaking at spaces. */
export function wrap(text: string, width: number, indent = ''): string {
  const words = clean(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = displayWidth(word);
    if (line && used + 1 + w <= width - indent.length) {
      line = `${line} ${word}`;
      used += 1 + w;
      continue;
    }
    if (line) lines.push(indent + line);
    line = word;
    used = w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** A run of text and the style (colour) its words are drawn in. */
export type Styled = [text: string, style?: (s: string) => string];

/**
 * Wraps styled runs of prose to a width at spaces: the first line starts with `first`, the
 * others with `rest` (a hanging indent; either may be styled). Each word keeps the style of its
 * run, so colour never decides where a line breaks.
 */
export function wrapStyled(parts: Styled[], width: number, first = '', rest = first): string {
  const words = parts.flatMap(([text, style]) =>
    clean(text)
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ word, style })),
  );
  const lines: Array<typeof words> = [];
  let line: typeof words = [];
  let used = 0;
  for (const w of words) {
    const indent = lines.length === 0 ? first : rest;
    const size = displayWidth(w.word);
    if (line.length && displayWidth(indent) + used + 1 + size > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length ? 1 : 0) + size;
    line.push(w);
  }
  if (line.length) lines.push(line);
  return lines
    .map((l, n) => {
      // Words of one style are drawn as one run (one pair of colour codes).
      const runs: string[] = [];
      let i = 0;
      while (i < l.length) {
        const style = l[i]?.style;
        let j = i;
        while (j < l.length && l[j]?.style === style) j++;
        const text = l
          .slice(i, j)
          .map((w) => w.word)
          .join(' ');
        runs.push(style ? style(text) : text);
        i = j;
      }
      return (n === 0 ? first : rest) + runs.join(' ');
    })
    .join('\n');
}

/**
 * A copy of `s` that refers to no other string. V8 keeps a string sliced from a longer one (a
 * title parsed out of a file's text) as a view of it, so keeping the slice keeps the whole text.
 */
export function ownString(s: string): string {
  // (V8 makes slices only of 13 characters or more.)
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
