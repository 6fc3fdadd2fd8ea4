/**
 * Small text charts: a salary range bar, a sparkline and importance bars. Each has a Unicode
 * and a plain-ASCII form; none appears in JSON output.
 */

export interface Glyphs {
  /** Whisker (p10–p25, p75–p90), box (p25–p75), median mark. */
  whisker: string;
  box: string;
  median: string;
  /** Sparkline levels, lowest first. */
  levels: string[];
  full: string;
  empty: string;
  /** Table frame. */
  border: Border;
  /** Prose marks: an arrow ("to"), a tree branch, a dash before an aside. */
  arrow: string;
  branch: string;
  dash: string;
}

/** The characters a table's frame is drawn with. */
export interface Border {
  /** Horizontal rule, vertical bar. */
  h: string;
  v: string;
  /** Corners: top left, top right, bottom left, bottom right. */
  tl: string;
  tr: string;
  bl: string;
  br: string;
  /** Joints: top, bottom, left, right, middle. */
  tj: string;
  bj: string;
  lj: string;
  rj: string;
  x: string;
}

export const UNICODE: Glyphs = {
  whisker: '─',
  box: '━',
  median: '┃',
  levels: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
  full: '█',
  empty: '░',
  arrow: '→',
  branch: '└─',
  dash: '—',
  border: {
    h: '─',
    v: '│',
    tl: '┌',
    tr: '┐',
    bl: '└',
    br: '┘',
    tj: '┬',
    bj: '┴',
    lj: '├',
    rj: '┤',
    x: '┼',
  },
};

export const ASCII: Glyphs = {
  whisker: '-',
  box: '=',
  median: '|',
  levels: ['_', '.', '-', '~', '=', '+', '*', '#'],
  full: '#',
  empty: '.',
  arrow: '->',
  branch: '`-',
  dash: '-',
  border: {
    h: '-',
    v: '|',
    tl: '+',
    tr: '+',
    bl: '+',
    br: '+',
    tj: '+',
    bj: '+',
    lj: '+',
    rj: '+',
    x: '+',
  },
};

export interface Spread {
  p10?: number;
  p25?: number;
  median?: number;
  p75?: number;
  p90?: number;
}

/** Column (0 … width−1) of a value on a linear scale. */
export function position(value: number, min: number, max: number, width: number): number {
  if (max <= min) return 0;
  const x = Math.round(((value - min) / (max - min)) * (width - 1));
  return Math.max(0, Math.min(width - 1, x));
}

/**
 * Draws p10–p90 as a whisker, p25–p75 as a box and the median as a mark on a shared scale, so
 * bars of several roles drawn with the same min and max line up.
 */
export function rangeBar(s: Spread, min: number, max: number, width: number, g: Glyphs): string {
  const cells = new Array<string>(width).fill(' ');
  const low = s.p10 ?? s.p25;
  const high = s.p90 ?? s.p75;
  const fill = (a: number | undefined, b: number | undefined, ch: string) => {
    if (a === undefined || b === undefined) return;
    for (let x = position(a, min, max, width); x <= position(b, min, max, width); x++)
      cells[x] = ch;
  };
  fill(low, high, g.whisker);
  fill(s.p25, s.p75, g.box);
  if (s.median !== undefined) cells[position(s.median, min, max, width)] = g.median;
  return cells.join('').replace(/\s+$/, '');
}

/** One character per value, scaled between the smallest and largest. */
export function sparkline(values: number[], g: Glyphs): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const top = g.levels.length - 1;
  return values
    .map((v) => g.levels[max === min ? top : Math.round(((v - min) / (max - min)) * top)])
    .join('');
}

/** A bar of `width` cells filled in proportion to value / max. */
export function importanceBar(value: number, max: number, width: number, g: Glyphs): string {
  const filled = Math.max(0, Math.min(width, Math.round((value / max) * width)));
  return g.full.repeat(filled) + g.empty.repeat(width - filled);
}

/** Decides whether charts must be plain ASCII: asked for, a dumb terminal, or a non-UTF-8 locale. */
export function asciiOnly(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag) return true;
  if (env.TERM === 'dumb') return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale) && locale !== 'C.UTF-8';
}
