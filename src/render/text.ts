/**
 * Small text helpers shared by renderers: sanitising, money, wrapping.
 */

/**
 * Removes control characters, escape sequences and bidi overrides from text taken from data
 * or user input, so nothing printed can drive the terminal. Newlines are kept.
 */
export function clean(text: string): string {
  return text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '') // OSC ... BEL/ST
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI
    .replace(/\t/g, ' ')
    .replace(
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      '',
    );
}

/** Formats whole US dollars as "$46,040". */
export function money(n: number | undefined): string {
  return n === undefined ? '–' : `$${Math.round(n).toLocaleString('en-US')}`;
}

/** Formats a count as "1,234". */
export function count(n: number | undefined): string {
  return n === undefined ? '–' : n.toLocaleString('en-US');
}

/** Wraps prose to a width, breaking at spaces. */
export function wrap(text: string, width: number, indent = ''): string {
  const words = clean(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
