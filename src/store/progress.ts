/**
 * Progress of a slow load of a data directory, on stderr (stdout stays the command's own, so
 * --json output is never touched). Nothing in the first second. Then, on a terminal, one line
 * redrawn in place: the step, a bar of files done out of the total and the rate; it is erased
 * when the load ends. Elsewhere (a pipe, a log, CI), plain lines: the first one, each new step,
 * and how far a long step got every ten seconds.
 */
import { clean } from '../text.js';

/** Where progress goes: stderr, and whether it is a terminal (and how wide). */
export interface ProgressOut {
  write: (text: string) => void;
  isTTY: boolean;
  columns?: number;
}

/** A load quiet for this long says what it is doing... */
export const SLOW_LOAD_MS = 1000;
/** ...in plain lines at most this often (and at each new step)... */
const LINE_EVERY_MS = 10_000;
/** ...or, on a terminal, redrawn at most this often. */
const REDRAW_EVERY_MS = 100;

export interface Progress {
  /** A new step ("building the search index"). */
  step(name: string): void;
  /** Files (or other `unit`s) done out of total in the current step. */
  files(done: number, total: number, unit?: string): void;
  /** The load is over: erase the bar. */
  end(): void;
}

/**
 * Progress of loading `dir`; `first` when no cache entry existed (the first line then says later
 * runs read one). `now` is the clock.
 */
export function progress(
  out: ProgressOut,
  dir: string,
  first: boolean,
  now: () => number = Date.now,
): Progress {
  const start = now();
  let step = '';
  let done = 0;
  let total = 0;
  let unit = 'files';
  /** When the current step's file count started, and at what count (for the rate). */
  let stepStart = start;
  let last = 0;
  let lines = 0;
  let drawn = false;
  // The directory name is the user's: cleaned, it cannot drive the terminal.
  const hint = first
    ? ` (first load of ${clean(dir)}; later runs read a cache)`
    : ` (${clean(dir)} changed; unchanged files come from the cache)`;

  const rate = (time: number) => {
    const seconds = (time - stepStart) / 1000;
    return seconds > 0 ? Math.round(done / seconds) : 0;
  };
  /** The line drawn: it must fit the terminal, or a wrapped line would be left behind. */
  const bar = (time: number) => {
    const columns = Math.min(out.columns ?? 80, 120) - 1;
    if (total === 0) return `careers: ${step}…`.slice(0, columns);
    const counts = ` ${done}/${total} ${unit}, ${rate(time)}/s`;
    const head = `careers: ${step} `;
    const width = Math.min(40, columns - head.length - counts.length - 2);
    if (width < 5) return `${head.trimEnd()}:${counts}`.slice(0, columns);
    const full = Math.round((done / total) * width);
    return `${head}[${'#'.repeat(full)}${'-'.repeat(width - full)}]${counts}`;
  };
  const show = (changed: boolean) => {
    const time = now();
    if (time - start < SLOW_LOAD_MS) return;
    if (out.isTTY) {
      if (!changed && time - last < REDRAW_EVERY_MS) return;
      last = time;
      // Erase the line, then draw it again: shorter text leaves nothing behind.
      out.write(`\r\u001b[2K${bar(time)}`);
      drawn = true;
      return;
    }
    if (!changed && lines > 0 && time - last < LINE_EVERY_MS) return;
    last = time;
    const detail = total ? `: ${done} of ${total} ${unit}` : '';
    out.write(`careers: ${step}${detail}${lines++ === 0 ? hint : ''}…\n`);
  };
  return {
    step(name) {
      step = name;
      done = 0;
      total = 0;
      stepStart = now();
      show(true);
    },
    files(n, of, what = 'files') {
      done = n;
      total = of;
      unit = what;
      show(false);
    },
    end() {
      if (drawn) out.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
