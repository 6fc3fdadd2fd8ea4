/**
 * Serialising an export: CSV (RFC 4180 through csv-stringify) and a YAML stream with one role
 * per document, which the loader reads back with `--data`. Pure: data in, string out.
 */
import { stringify as csvStringify } from 'csv-stringify/sync';
import { Document, visit } from 'yaml';
import { escapeUnsafe } from '../model/json.js';
import { plural } from '../text.js';
import type { Cell, TableData } from '../core/export.js';

/** First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to text a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM", "-1+1"). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: numbers unformatted, booleans true/false, nothing for a missing value. */
function cellText(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return neutralise(cell);
  return String(cell);
}

/** A table as RFC 4180 CSV: a header row, CRLF line ends, fields quoted where needed. */
export function renderCsv(table: TableData): string {
  const records = [table.header, ...table.rows.map((row) => row.map(cellText))];
  // csv-stringify quotes fields holding the record delimiter (CRLF), not a lone CR or LF.
  return csvStringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** C0 controls (but tab and newline), DEL, C1, bidi controls and line separators. */
const UNSAFE_IN_YAML =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * A value as YAML in which no string carries a raw control or bidi character: such strings are
 * written double-quoted, where every one of those characters is then written as an escape
 * (\e, \u202e), so the file shows them, does not obey them, and loads back the same.
 */
export function safeYaml(value: unknown): string {
  const doc = new Document(value);
  let unsafe = false;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE_IN_YAML.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        unsafe = true;
      }
    },
  });
  const text = doc.toString({ lineWidth: 0 });
  // Only double-quoted scalars hold such characters now; yaml escapes C0 there itself.
  return unsafe ? escapeUnsafe(text) : text;
}

/**
 * Roles as a multi-document YAML stream (`---` before each) after a comment header; `partial`
 * when --fields cut the roles down, so the file will not load back as data. Long strings are
 * not folded, so each value stays on its line.
 */
export function renderYamlRoles(
  roles: object[],
  opts: { version: string; partial: boolean },
): string {
  const n = roles.length;
  const header = [
    `# ${plural(n, 'role profile')} exported by careers ${opts.version}, one per document.`,
    opts.partial
      ? '# Only some fields of each role: not a complete data set for --data.'
      : "# Load them with: careers --data <this file's directory> list",
  ];
  const docs = roles.map((r) => `---\n${safeYaml(r)}`);
  return header.map((line) => `${line}\n`).join('') + docs.join('');
}

/**
 * Career steps (and the exported roles stated as tops of their ladders) as the paths.yaml of a
 * data directory (beside a YAML export, so the export loads back with --data and keeps its
 * career paths).
 */
export function renderYamlSteps(
  steps: object[],
  opts: { version: string },
  tops: object[] = [],
): string {
  const header = `# ${plural(steps.length, 'career step')} between the exported roles, written by careers ${opts.version}.\n`;
  return header + safeYaml(tops.length ? { steps, tops } : { steps });
}
