/**
 * ASCII mode (--ascii, TERM=dumb, a locale that is not UTF-8): everything printed is made of
 * plain ASCII. Renderers draw their own charts and frames from the ASCII glyphs; this pass turns
 * whatever else is left (dashes, bullets, arrows, marks in the data, accented letters) into ASCII
 * characters of the same width, so tables keep their layout.
 */

/** One-column stand-ins for the non-ASCII characters the program and its data print. */
const STAND_INS: Record<string, string> = {
  '–': '-',
  '—': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '─': '-',
  '━': '=',
  '│': '|',
  '┃': '|',
  '┌': '+',
  '┐': '+',
  '└': '`',
  '┘': '+',
  '├': '+',
  '┤': '+',
  '┬': '+',
  '┴': '+',
  '┼': '+',
  '•': '*',
  '·': '-',
  '★': '*',
  '†': '+',
  '‡': '+',
  '÷': '/',
  '×': 'x',
  '→': '>',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  '…': '.',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '≥': '>',
  '≤': '<',
  '≈': '~',
  '❯': '>',
  '◯': 'o',
  '◉': '*',
  '●': '*',
  '✔': '+',
  '✓': '+',
  '✖': 'x',
  '⏎': '#',
  '█': '#',
  '░': '.',
  '\u00a0': ' ',
};

/** Characters outside printable ASCII other than newline and the ESC of colour codes. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Text with every non-ASCII character replaced by an ASCII one of the same width. */
export function toAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      out += char;
      continue;
    }
    const stand = STAND_INS[char];
    if (stand !== undefined) {
      out += stand;
      continue;
    }
    // Accented letters lose their accents (é → e); anything else becomes "?".
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base && !NON_ASCII.test(base)) out += base;
    else
      out +=
        /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(
          char,
        )
          ? '??'
          : '?';
  }
  return out;
}

/**
 * A JSON text with every non-ASCII character written as a \u escape: the same JSON value, in
 * plain ASCII.
 */
export function escapeJson(json: string): string {
  return json.replace(
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
