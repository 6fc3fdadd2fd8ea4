/**
 * `careers completion bash|zsh|fish`: a shell completion script for commands, flags, option
 * values, file names and role ids. Commands, options and their choices are read from the program
 * itself, so the script never drifts; cli/completion-scripts.ts writes it for each shell.
 */
import { Argument, Option, type Command } from 'commander';
import { ExitCode, UsageError } from '../../errors.js';
import { defineCommand, type CommandDefinition } from '../command.js';
import {
  bash,
  fish,
  zsh,
  type CommandSpec,
  type OptionSpec,
  type Spec,
  type Value,
} from '../completion-scripts.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Options whose values are role names (completed with role ids). */
const ROLE_OPTIONS = new Set(['--role']);

/** What an option's value completes with: its choices, else what its placeholder names. */
function optionValue(option: Option): Value | undefined {
  if (option.argChoices) return { kind: 'choices', words: option.argChoices };
  if (option.long && ROLE_OPTIONS.has(option.long)) return { kind: 'roles' };
  if (/<file>/.test(option.flags)) return { kind: 'file' };
  if (/<dir>/.test(option.flags)) return { kind: 'dir' };
  return undefined;
}

function optionsOf(command: Command): OptionSpec[] {
  return command.options
    .filter((o) => !o.hidden)
    .map((o) => ({
      flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
      description: o.description,
      value: optionValue(o),
      takesValue: o.required || o.optional,
    }));
}

/** What the command's positional arguments complete with. */
function positionalOf(command: Command, definition?: CommandDefinition): Value | undefined {
  const first = command.registeredArguments[0];
  if (first?.argChoices) return { kind: 'choices', words: first.argChoices };
  if (definition?.roleArguments) return { kind: 'roles' };
  if (first && /path|file|dir/.test(first.name())) return { kind: 'file' };
  return undefined;
}

export default defineCommand({
  name: 'completion',
  description: 'print a shell completion script (commands, flags, values, files and role ids)',
  options: (command) =>
    command
      .addArgument(new Argument('[shell]', 'which shell').choices(SHELLS))
      // Used by the scripts: the role ids of the --data directory on the command line.
      .addOption(new Option('--role-ids', 'print the role ids, one a line').hideHelp()),
  notes: `Completes option values (--format, --section, --sort, ...), file names for --out, --answers,
--save and validate, directories for --data, and role ids; after --data DIR, that directory's.`,
  examples: [
    'source <(careers completion bash)        # add to ~/.bashrc',
    'source <(careers completion zsh)         # add to ~/.zshrc',
    'careers completion fish > ~/.config/fish/completions/careers.fish',
  ],
  readsData: true,
  roleArguments: false,
  jsonSchemas: [],
  run(ctx, [shell]: [Shell | undefined], opts: { roleIds?: boolean }, { command, registry }) {
    if (opts.roleIds) {
      ctx.io.stdout([...ctx.catalog().ids].map((id) => `${id}\n`).join(''));
      return ExitCode.ok;
    }
    if (shell === undefined) throw new UsageError(`missing <shell> (${SHELLS.join(', ')})`);
    const program = command.parent as Command;
    const commands: CommandSpec[] = program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: optionsOf(c),
      positional: positionalOf(
        c,
        registry.find((d) => d.name === c.name()),
      ),
    }));
    const spec: Spec = { commands, globals: optionsOf(program), roles: [...ctx.catalog().ids] };
    ctx.io.stdout({ bash, zsh, fish }[shell](spec));
    return ExitCode.ok;
  },
});
