/**
 * Tables through cli-table3, with colour routed through the theme and every cell sanitised.
 */
import Table from 'cli-table3';
import type { Theme } from './theme.js';
import { clean, displayWidth } from './text.js';

export interface TableOptions {
  /** Total width available, in columns; wide columns are wrapped to fit. */
  width?: number;
  /** Columns aligned right (numbers). */
  right?: number[];
  /** Columns never narrowed (ids and commands a user may copy). */
  keep?: number[];
}

/** A cell: plain text, or text with a style applied after sanitising. */
export type Cell = string | { text: string; style: (s: string) => string };

function cellText(cell: Cell): string {
  return clean(typeof cell === 'string' ? cell : cell.text);
}

function styled(cell: Cell, text: string): string {
  return typeof cell === 'string' ? text : cell.style(text);
}

/** Visible width of a cell's longest line, in terminal columns (wide characters count two). */
function cellWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

/** Shrinks the widest columns until the table fits the width (borders and padding included). */
export function fitWidths(natural: number[], width: number, keep: number[] = []): number[] {
  const widths = natural.map((w) => w + 2); // cli-table3 padding
  const overhead = widths.length + 1; // borders
  const minimum = 8;
  const shrinkable = (w: number, i: number) => (keep.includes(i) ? -1 : w);
  while (widths.reduce((a, b) => a + b, 0) + overhead > width) {
    const candidates = widths.map(shrinkable);
    const widest = candidates.indexOf(Math.max(...candidates));
    if ((candidates[widest] ?? 0) <= minimum) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

/** Renders rows under a header as a bordered table. */
export function renderTable(
  theme: Theme,
  head: string[],
  rows: Cell[][],
  opts: TableOptions = {},
): string {
  const cleanHead = head.map(clean);
  const cleanRows = rows.map((r) => r.map(cellText));
  const natural = cleanHead.map((h, i) =>
    Math.max(cellWidth(h), ...cleanRows.map((r) => cellWidth(r[i] ?? ''))),
  );
  const colWidths = fitWidths(natural, opts.width ?? 100, opts.keep);
  // Rows are separated by rules only when some cell must wrap; otherwise the table stays compact.
  const wraps = cleanRows.some((r) =>
    r.some((cell, i) => cell.includes('\n') || cellWidth(cell) + 2 > (colWidths[i] ?? 0)),
  );
  const table = new Table({
    head: cleanHead.map((h) => theme.heading(h)),
    colWidths,
    ...(wraps ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
    colAligns: head.map((_, i) => (opts.right?.includes(i) ? 'right' : 'left')),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
  rows.forEach((row, r) => table.push(row.map((cell, i) => styled(cell, cleanRows[r]?.[i] ?? ''))));
  return table.toString();
}
