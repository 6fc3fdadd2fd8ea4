/**
 * Serialising an export: CSV (RFC 4180 through csv-stringify) and a YAML stream with one role
 * per document, which the loader reads back with `--data`. Pure: data in, string out.
 */
import { stringify as csvStringify } from 'csv-stringify/sync';
import { stringify as yamlStringify } from 'yaml';
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
  const docs = roles.map((r) => `---\n${yamlStringify(r, { lineWidth: 0 })}`);
  return header.map((line) => `${line}\n`).join('') + docs.join('');
}
