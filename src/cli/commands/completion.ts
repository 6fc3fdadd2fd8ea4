/**
 * `careers completion bash|zsh|fish`: a shell completion script for commands, their flags and
 * role ids. Commands and flags are read from the program itself, so the script never drifts.
 */
import { Argument, type Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Spec {
  commands: Array<{ name: string; description: string; flags: string[]; roles: boolean }>;
  globalFlags: string[];
  roles: string[];
}

function flagsOf(command: Command): string[] {
  return command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
}

function bash(spec: Spec): string {
  const cases = spec.commands
    .map((c) => {
      const roles = c.roles ? ' $roles' : '';
      return `    ${c.name}) words="${c.flags.join(' ')} ${spec.globalFlags.join(' ')}${roles}" ;;`;
    })
    .join('\n');
  return `# bash completion for careers; load with: source <(careers completion bash)
_careers() {
  local cur cmd words roles="${spec.roles.join(' ')}"
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd=""
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$w" in -*) ;; *) cmd="$w"; break ;; esac
  done
  case "$cmd" in
    "") words="${spec.commands.map((c) => c.name).join(' ')} ${spec.globalFlags.join(' ')}" ;;
${cases}
    *) words="${spec.globalFlags.join(' ')}" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _careers careers
`;
}

function zsh(spec: Spec): string {
  const quote = (s: string) => s.replace(/'/g, "'\\''").replace(/:/g, '\\:');
  const commands = spec.commands.map((c) => `'${c.name}:${quote(c.description)}'`).join(' ');
  const cases = spec.commands
    .map((c) => {
      const roles = c.roles ? ' $roles' : '';
      return `    ${c.name}) compadd -- ${c.flags.join(' ')} ${spec.globalFlags.join(' ')}${roles} ;;`;
    })
    .join('\n');
  return `#compdef careers
# zsh completion for careers; load with: source <(careers completion zsh)
_careers() {
  local -a commands roles
  commands=(${commands})
  roles=(${spec.roles.join(' ')})
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    compadd -- ${spec.globalFlags.join(' ')}
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
}
compdef _careers careers
`;
}

function fish(spec: Spec): string {
  const out = [
    '# fish completion for careers; load with: careers completion fish | source',
    'complete -c careers -f',
  ];
  const none = `not __fish_seen_subcommand_from ${spec.commands.map((c) => c.name).join(' ')}`;
  for (const c of spec.commands) {
    out.push(
      `complete -c careers -n '${none}' -a ${c.name} -d '${c.description.replace(/'/g, "\\'")}'`,
    );
    for (const f of c.flags.filter((f) => f.startsWith('--'))) {
      out.push(`complete -c careers -n '__fish_seen_subcommand_from ${c.name}' -l ${f.slice(2)}`);
    }
    if (c.roles) {
      out.push(
        `complete -c careers -n '__fish_seen_subcommand_from ${c.name}' -a '${spec.roles.join(' ')}'`,
      );
    }
  }
  for (const f of spec.globalFlags.filter((f) => f.startsWith('--')))
    out.push(`complete -c careers -l ${f.slice(2)}`);
  return out.join('\n') + '\n';
}

export default defineCommand({
  name: 'completion',
  description: 'print a shell completion script (commands, flags and role ids)',
  options: (command) => command.addArgument(new Argument('<shell>', 'which shell').choices(SHELLS)),
  examples: [
    'source <(careers completion bash)        # add to ~/.bashrc',
    'source <(careers completion zsh)         # add to ~/.zshrc',
    'careers completion fish > ~/.config/fish/completions/careers.fish',
  ],
  readsData: true,
  roleArguments: false,
  jsonSchemas: [],
  run(ctx, [shell]: [Shell], _opts, { command, registry }) {
    const program = command.parent as Command;
    const roleCommands = new Set(registry.filter((d) => d.roleArguments).map((d) => d.name));
    const spec: Spec = {
      commands: program.commands.map((c) => ({
        name: c.name(),
        description: c.description(),
        flags: flagsOf(c),
        roles: roleCommands.has(c.name()),
      })),
      globalFlags: flagsOf(program),
      roles: [...ctx.catalog().ids],
    };
    ctx.io.stdout({ bash, zsh, fish }[shell](spec));
    return ExitCode.ok;
  },
});
