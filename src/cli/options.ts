/**
 * Option parsers shared by commands; bad values become usage errors (exit 2).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Context } from './context.js';

/** Makes a Context for the command being run. */
export type ContextFactory = (command: Command) => Context;
/** Receives a command's exit code. */
export type ResultSink = (code: number) => void;

/** Parses a whole number ≥ min, for commander. */
export function intOption(min: number) {
  return (value: string): number => {
    const n = Number(value.replace(/[,_$]/g, ''));
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}
