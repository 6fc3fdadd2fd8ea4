/**
 * The one place that owns colour. Colour is off for --no-color, NO_COLOR, FORCE_COLOR=0
 * and whenever stdout is not a terminal.
 */
import { Chalk } from 'chalk';

export interface Theme {
  color: boolean;
  heading: (s: string) => string;
  title: (s: string) => string;
  dim: (s: string) => string;
  accent: (s: string) => string;
  good: (s: string) => string;
  bad: (s: string) => string;
}

/** Decides whether to colour output. */
export function colorEnabled(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean | undefined,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

/** Builds a theme; with colour off every function returns its input unchanged. */
export function makeTheme(color: boolean): Theme {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    color,
    heading: (s) => c.bold.cyan(s),
    title: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    accent: (s) => c.yellow(s),
    good: (s) => c.green(s),
    bad: (s) => c.red(s),
  };
}

/** A theme without colour, for tests and JSON mode. */
export const PLAIN = makeTheme(false);
