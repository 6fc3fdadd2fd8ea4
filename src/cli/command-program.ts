/**
 * Turns a command definition (cli/command.ts) into a commander command: name, aliases,
 * description, arguments and options, help text, and an action that runs it and reports its
 * exit code.
 */
import type { Command } from 'commander';
import type { Context } from './command-context.js';
import { helpAfter, type CommandDefinition } from './command.js';

/** Adds `definition` to the program; `onResult` hears the exit code `run` resolves to. */
export function addCommand(
  program: Command,
  definition: CommandDefinition,
  context: (command: Command) => Context,
  onResult: (code: number) => void,
  registry: readonly CommandDefinition[],
): Command {
  const command = program.command(definition.name).description(definition.description);
  for (const alias of definition.aliases ?? []) command.alias(alias);
  definition.options?.(command);
  command.addHelpText('after', helpAfter(definition));
  // commander calls the action with the arguments, then the options, then the command.
  command.action(async (...params: unknown[]) => {
    const cmd = params.at(-1) as Command;
    const opts = params.at(-2);
    onResult(
      await definition.run(context(cmd), params.slice(0, -2), opts, { command: cmd, registry }),
    );
  });
  return command;
}
