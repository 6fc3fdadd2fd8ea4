/**
 * Bordered tables, drawn by cli-table3. This wrapper adds only what cli-table3 lacks:
 *
 * - column widths that fit the terminal without cutting a word: a column shrinks (its cells
 *   wrap at word boundaries) but never below its longest word, so a figure or an id is never
 *   cut; when even that is too wide, each row is stacked as a block of "heading  value" lines;
 * - cells sanitised, colour routed through the theme (cli-table3's own colours are switched
 *   off, so nothing reaches a pipe), the frame drawn in ASCII when asked for;
 * - a rule under the header always, and rules between rows only when some cell wraps.
 */
import Table from 'cli-table3';
import type { Theme } from './theme.js';
import { clean, displayWidth } from '../text.js';
import { UNICODE, type Border, type Glyphs } from './charts.js';

/** What a table needs of the render context: colours, width and frame characters. */
export interface TableContext {
  theme: Theme;
  /** Total width available, in columns; wide columns are wrapped to fit. */
  width: number;
  /** Box-drawing frame unless the glyphs say otherwise (ASCII for --ascii). */
  glyphs?: Glyphs;
}

export interface TableOptions {
  /** Columns aligned right (numbers). */
  right?: number[];
  /**
   * Columns to move under another when the table is too wide to show every cell on one line,
   * in this order, until it fits: `[from, into]` puts column `from`'s text on a new line of
   * column `into`'s cell (and its heading under that heading).
   */
  fold?: Array<[from: number, into: number]>;
  /** When even folded it does not fit: a block per row (the default) or per column. */
  stackBy?: 'row' | 'column';
}

/** A cell: plain text (cleaned before it is drawn). */
export type Cell = string;

/** Spaces on each side of a cell's text (cli-table3's default padding). */
const PADDING = 1;
/** A column with longer text is not narrowed below this (padding included) while others can give. */
const COMFORT = 12;

/** Visible width of a cell's longest line, in terminal columns (wide characters count two). */
function cellWidth(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

/** Width of a cell's longest word: the narrowest it can be wrapped without cutting anything. */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(displayWidth));
}

/**
 * Column widths (padding included) for a table of `width` columns: the widest column gives a
 * column at a time, first down to a comfortable width, then down to its longest word. Undefined
 * when the table cannot fit without cutting a word.
 */
export function fitWidths(natural: number[], least: number[], width: number): number[] | undefined {
  const widths = natural.map((w) => w + 2 * PADDING);
  const floor = least.map((w) => w + 2 * PADDING);
  const overhead = widths.length + 1; // borders
  const total = () => widths.reduce((a, b) => a + b, 0) + overhead;
  for (const limit of [
    (i: number) => Math.max(floor[i] ?? 0, COMFORT),
    (i: number) => floor[i] ?? 0,
  ]) {
    while (total() > width) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (w > limit(i) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
      });
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
  return total() <= width ? widths : undefined;
}

/**
 * Breaks one line of text into lines of at most `max` columns at white space, keeping the
 * white space between words as written (the way cli-table3 wraps on word boundaries). A word
 * longer than `max` stays whole on its own line.
 */
export function wrapWords(text: string, max: number): string[] {
  const parts = text.split(/(\s+)/);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let space: string | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    const w = displayWidth(word);
    const next = used + w + (used > 0 && space ? space.length : 0);
    if (next > max) {
      if (used !== 0) lines.push(line);
      line = word;
      used = w;
    } else {
      line += (space ?? '') + word;
      used = next;
    }
    space = parts[i + 1];
  }
  if (used) lines.push(line);
  return lines;
}

/** cli-table3's frame characters from our border glyphs. */
function frame(b: Border): Record<string, string> {
  return {
    top: b.h,
    'top-mid': b.tj,
    'top-left': b.tl,
    'top-right': b.tr,
    bottom: b.h,
    'bottom-mid': b.bj,
    'bottom-left': b.bl,
    'bottom-right': b.br,
    left: b.v,
    'left-mid': b.lj,
    mid: b.h,
    'mid-mid': b.x,
    right: b.v,
    'right-mid': b.rj,
    middle: b.v,
  };
}

/**
 * Options every table shares: our frame, cli-table3's colours off. Cells come wrapped (see
 * wrapCell), so cli-table3 only splits them at newlines: its own word wrap measures every word
 * of every cell, most of a role card's table time, for cells that nearly all fit.
 */
function baseOptions(ctx: TableContext) {
  return {
    chars: frame((ctx.glyphs ?? UNICODE).border),
    wordWrap: false,
    style: { head: [], border: [] },
  };
}

/** A cell's text wrapped at word boundaries to `max` columns (as cli-table3's wordWrap does). */
function wrapCell(text: string, max: number): string {
  if (cellWidth(text) <= max) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapWords(line, max))
    .join('\n');
}

/** Renders rows under a header as a bordered table. */
export function renderTable(
  ctx: TableContext,
  head: string[],
  rows: Cell[][],
  opts: TableOptions = {},
): string {
  const stackHead = head.map(clean);
  const stackRows = rows.map((r) => stackHead.map((_, i) => clean(r[i] ?? '')));
  let cleanHead = stackHead;
  let cleanRows = stackRows;
  const measure = () => {
    // Headings wrap at their words before a column widens for them.
    const column = (f: (text: string) => number) =>
      cleanHead.map((h, i) => Math.max(longestWord(h), ...cleanRows.map((r) => f(r[i] ?? ''))));
    const full = cleanHead.map((h, i) =>
      Math.max(cellWidth(h), ...cleanRows.map((r) => cellWidth(r[i] ?? ''))),
    );
    return { natural: column(cellWidth), full, least: column(longestWord) };
  };
  let { natural, full, least } = measure();
  const fits = (widths: number[]) =>
    widths.reduce((a, b) => a + b + 2 * PADDING + 1, 1) <= ctx.width;
  const oneLine = () => fits(natural);
  // Which of the given columns each drawn column is (folding removes some).
  let columns = stackHead.map((_, i) => i);
  for (const fold of opts.fold ?? []) {
    if (oneLine()) break;
    const [from, into] = fold.map((c) => columns.indexOf(c));
    if (from === undefined || into === undefined || from < 0 || into < 0) continue;
    const merge = (r: string[]) =>
      r
        .map((cell, i) => (i === into && r[from] ? `${cell}\n${r[from]}` : cell))
        .filter((_, i) => i !== from);
    cleanHead = merge(cleanHead);
    cleanRows = cleanRows.map(merge);
    columns = columns.filter((_, i) => i !== from);
    ({ natural, full, least } = measure());
  }
  const colWidths = fitWidths(fits(full) ? full : natural, least, ctx.width);
  if (!colWidths) return renderStacked(ctx, blocks(stackHead, stackRows, opts.stackBy ?? 'row'));
  // Rows are separated by rules only when some cell wraps; otherwise the table stays compact.
  const wraps = cleanRows.some((r) =>
    r.some((cell, i) => cell.includes('\n') || cellWidth(cell) + 2 * PADDING > (colWidths[i] ?? 0)),
  );
  const inner = colWidths.map((w) => w - 2 * PADDING);
  const wrapRow = (r: string[]) => r.map((cell, i) => wrapCell(cell, inner[i] ?? 0));
  const table = new Table({
    ...baseOptions(ctx),
    head: wrapRow(cleanHead).map((h) => ctx.theme.heading(h)),
    colWidths,
    colAligns: columns.map((c) => (opts.right?.includes(c) ? 'right' : 'left')),
    style: { head: [], border: [], compact: !wraps },
  });
  if (wraps) table.push(...cleanRows.map(wrapRow));
  // Without rules between rows, the body is drawn the same as one row of one-line-per-row
  // cells, and cli-table3's work grows with its cells (and their rows squared).
  else if (cleanRows.length)
    table.push(columns.map((_, i) => cleanRows.map((r) => r[i] ?? '').join('\n')));
  return table.toString();
}

/** One row (or column) of a stacked table: a title and its labelled values. */
interface Block {
  title: string;
  fields: Array<[label: string, value: string]>;
}

/**
 * The blocks of a stacked table. By row: the row's first cell is its title (a "#" rank column
 * joins the second: "1. Title") and each other column's heading labels its value. By column
 * (tables whose columns are the things compared): the heading is the title and the first
 * column's cells label the values.
 */
function blocks(head: string[], rows: string[][], by: 'row' | 'column'): Block[] {
  if (by === 'column')
    return head.slice(1).map((title, c) => ({
      title,
      fields: rows.map((r) => [r[0] ?? '', r[c + 1] ?? ''] as [string, string]),
    }));
  const ranked = head[0] === '#' && head.length > 2 ? 2 : 1;
  return rows.map((r) => ({
    title: ranked === 2 ? `${r[0] ?? ''}. ${r[1] ?? ''}` : (r[0] ?? ''),
    fields: head.slice(ranked).map((label, i) => [label, r[i + ranked] ?? ''] as [string, string]),
  }));
}

/**
 * A table too wide for the terminal without cutting a word, drawn as a block per row (or
 * column): its title across the top, then each label beside its value, wrapped at word
 * boundaries.
 */
function renderStacked(ctx: TableContext, list: Block[]): string {
  const labels = list.flatMap((b) => b.fields.map(([label]) => label));
  const left = Math.max(1, ...labels.map(cellWidth)) + 2 * PADDING;
  // Below the narrowest width supported a value's longest word still stays whole.
  const longest = Math.max(0, ...list.flatMap((b) => b.fields.map(([, v]) => longestWord(v))));
  const right = Math.max(longest + 2 * PADDING, ctx.width - left - 3);
  const inner = right - 2 * PADDING;
  const table = new Table({
    ...baseOptions(ctx),
    colWidths: [left, right],
    style: { head: [], border: [], compact: false },
  });
  const wrapped = (text: string, max: number) => text.split('\n').flatMap((l) => wrapWords(l, max));
  for (const block of list) {
    const title = wrapped(block.title, ctx.width - 2 * PADDING - 2);
    const heads: string[] = [];
    const values: string[] = [];
    for (const [label, value] of block.fields) {
      const lines = wrapped(value || '–', inner);
      heads.push(ctx.theme.heading(label), ...lines.slice(1).map(() => ''));
      values.push(...lines);
    }
    table.push(
      [{ colSpan: 2, content: title.map((t) => ctx.theme.title(t)).join('\n') }],
      [heads.join('\n'), values.join('\n')],
    );
  }
  return table.toString();
}
