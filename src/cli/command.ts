/**
 * What a command is: one definition per file in cli/commands/, listed once in
 * cli/commands/index.ts. main.ts turns each into a commander command, its help and its data
 * loading; completion, the README's command table (checked by a test) and the tests read the same
 * list, so no other list of command names exists.
 */
import type { Command } from 'commander';
import type { Context } from './command-context.js';

/** What `run` gets besides its arguments and options. */
export interface Call {
  /** The commander command being run (its parent is the program). */
  command: Command;
  /** Every command's definition, in help order. */
  registry: readonly CommandDefinition[];
}

export interface CommandDefinition<A extends unknown[] = unknown[], O = unknown> {
  name: string;
  aliases?: readonly string[];
  /** One line, shown in `careers --help` and by shell completion. */
  description: string;
  /** Adds the arguments and options to the commander command. */
  options?(command: Command): void;
  /** Help text printed before the examples. */
  notes?: string;
  /** Command lines shown under "Examples:" in the command's --help. */
  examples: readonly string[];
  /** True when the data directory is loaded before `run` (once per run, see store/). */
  readsData: boolean;
  /** True when the arguments are role names (shell completion offers role ids). */
  roleArguments: boolean;
  /** The schemas of its --json documents: schema/<name>.schema.json (core/output.ts). */
  jsonSchemas: readonly string[];
  /** Runs the command with commander's parsed arguments and options; resolves to the exit code. */
  run(ctx: Context, args: A, opts: O, call: Call): number | Promise<number>;
}

/** Declares a command; the identity, so TypeScript checks `run` against its own types. */
export function defineCommand<A extends unknown[], O>(
  definition: CommandDefinition<A, O>,
): CommandDefinition<A, O> {
  return definition;
}

/** The text after a command's options in its --help: its notes, then its examples. */
export function helpAfter(definition: CommandDefinition): string {
  const notes = definition.notes ? `\n${definition.notes}\n` : '';
  return `${notes}\nExamples:\n  ${definition.examples.join('\n  ')}`;
}
