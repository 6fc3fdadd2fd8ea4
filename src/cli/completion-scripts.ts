/**
 * The shell completion scripts (bash, zsh, fish) for a description of the program (`Spec`, made
 * from commander's own commands by cli/commands/completion.ts). Each script completes commands,
 * flags, option values (choices, files, directories, role ids) and positional arguments. Role ids
 * come from the data the script was made with, or, when the command line has `--data DIR`, from
 * `careers --data DIR completion --role-ids` at completion time.
 */

/** What a value (of an option or a positional argument) is completed with. */
export type Value =
  | { kind: 'choices'; words: readonly string[] }
  | { kind: 'file' }
  | { kind: 'dir' }
  | { kind: 'roles' };

export interface OptionSpec {
  /** `--long` and, if any, `-s`. */
  flags: string[];
  description: string;
  /** What its value completes with; undefined for a flag or a free value (a number, a name). */
  value?: Value;
  /** True when the option takes a value (even one not completed). */
  takesValue: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What its positional arguments complete with. */
  positional?: Value;
}

export interface Spec {
  commands: CommandSpec[];
  globals: OptionSpec[];
  /** Role ids of the data the script was made with. */
  roles: string[];
}

const flagList = (options: OptionSpec[]) => options.flatMap((o) => o.flags).join(' ');
/** Single-quoted for sh, zsh and fish. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The option value cases, then the positional cases, of every command, in shell syntax. */
function valueCases(
  spec: Spec,
  complete: (v: Value) => string,
): { options: string[]; positional: string[] } {
  const options: string[] = [];
  const positional: string[] = [];
  for (const o of spec.globals.filter((g) => g.takesValue))
    options.push(`${o.flags.map((f) => `*:${f}`).join('|')}) ${complete(o.value ?? FREE)} ;;`);
  for (const c of spec.commands) {
    for (const o of c.options.filter((x) => x.takesValue))
      options.push(
        `${o.flags.map((f) => `${c.name}:${f}`).join('|')}) ${complete(o.value ?? FREE)} ;;`,
      );
    if (c.positional) positional.push(`${c.name}) ${complete(c.positional)} ;;`);
  }
  return { options, positional };
}

/** A value that is typed, not completed (a number, a free name). */
const FREE: Value = { kind: 'choices', words: [] };

export function bash(spec: Spec): string {
  const complete = (v: Value): string => {
    switch (v.kind) {
      case 'choices':
        return `COMPREPLY=( $(compgen -W ${sq(v.words.join(' '))} -- "$cur") ); return`;
      case 'file':
        return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") ); return`;
      case 'dir':
        return `compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$cur") ); return`;
      case 'roles':
        return `COMPREPLY=( $(compgen -W "$(_careers_roles)" -- "$cur") ); return`;
    }
  };
  const cases = valueCases(spec, complete);
  const flags = spec.commands.map(
    (c) => `    ${c.name}) words=${sq(`${flagList(c.options)} ${flagList(spec.globals)}`)} ;;`,
  );
  return `# bash completion for careers; load with: source <(careers completion bash)
_careers_roles() {
  if [[ -n $_careers_data ]]; then
    "\${COMP_WORDS[0]}" --data "$_careers_data" completion --role-ids 2>/dev/null
  else
    echo ${sq(spec.roles.join(' '))}
  fi
}
_careers() {
  local cur prev cmd="" words i w
  _careers_data=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for (( i = 1; i < COMP_CWORD; i++ )); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      --data) (( i + 1 < COMP_CWORD )) && _careers_data="\${COMP_WORDS[i+1]}"; (( i++ )) ;;
      --data=*) _careers_data="\${w#--data=}" ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd="$w" ;;
    esac
  done
  _careers_data="\${_careers_data/#\\~/$HOME}"
  case "$cmd:$prev" in
${cases.options.map((c) => `    ${c}`).join('\n')}
  esac
  if [[ -z $cmd ]]; then
    words=${sq(`${spec.commands.map((c) => c.name).join(' ')} ${flagList(spec.globals)}`)}
  elif [[ $cur == -* ]]; then
    case "$cmd" in
${flags.map((l) => `  ${l}`).join('\n')}
      *) words=${sq(flagList(spec.globals))} ;;
    esac
  else
    case "$cmd" in
${cases.positional.map((c) => `      ${c}`).join('\n')}
    esac
    return
  fi
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _careers careers
`;
}

export function zsh(spec: Spec): string {
  const describe = (s: string) => s.replace(/:/g, '\\:');
  const complete = (v: Value): string => {
    switch (v.kind) {
      case 'choices':
        return v.words.length ? `compadd -- ${v.words.join(' ')}; return` : 'return';
      case 'file':
        return '_files; return';
      case 'dir':
        return '_files -/; return';
      case 'roles':
        return '_careers_roles; return';
    }
  };
  const cases = valueCases(spec, complete);
  const commands = spec.commands.map((c) => sq(`${c.name}:${describe(c.description)}`)).join(' ');
  const flags = spec.commands.map(
    (c) => `      ${c.name}) compadd -- ${flagList(c.options)} ${flagList(spec.globals)} ;;`,
  );
  return `#compdef careers
# zsh completion for careers; load with: source <(careers completion zsh)
_careers_roles() {
  local -a roles
  if [[ -n $_careers_data ]]; then
    roles=( \${(f)"$($words[1] --data \${~_careers_data} completion --role-ids 2>/dev/null)"} )
  else
    roles=(${spec.roles.join(' ')})
  fi
  compadd -- $roles
}
_careers() {
  local -a commands
  local cmd="" prev="\${words[CURRENT-1]}" i
  _careers_data=""
  commands=(${commands})
  for (( i = 2; i < CURRENT; i++ )); do
    case "\${words[i]}" in
      --data) (( i + 1 < CURRENT )) && _careers_data="\${words[i+1]}"; (( i++ )) ;;
      --data=*) _careers_data="\${words[i]#--data=}" ;;
      -*) ;;
      *) [[ -z $cmd ]] && cmd="\${words[i]}" ;;
    esac
  done
  case "$cmd:$prev" in
${cases.options.map((c) => `    ${c}`).join('\n')}
  esac
  if [[ -z $cmd ]]; then
    _describe 'command' commands
    compadd -- ${flagList(spec.globals)}
  else
    # zsh keeps only the words that start with what is typed: offer flags and arguments.
    case "$cmd" in
${flags.join('\n')}
    esac
    case "$cmd" in
${cases.positional.map((c) => `      ${c}`).join('\n')}
    esac
  fi
}
compdef _careers careers
`;
}

export function fish(spec: Spec): string {
  const names = spec.commands.map((c) => c.name).join(' ');
  const out = [
    '# fish completion for careers; load with: careers completion fish | source',
    'complete -c careers -f',
    '# Role ids: of --data DIR when the command line has one, else of the data this was made with.',
    'function __careers_roles',
    '    set -l tokens (commandline -opc)',
    '    set -l i (contains -i -- --data $tokens)',
    '    if test -n "$i"; and test (count $tokens) -gt $i',
    '        $tokens[1] --data $tokens[(math $i + 1)] completion --role-ids 2>/dev/null',
    '    else',
    `        printf '%s\\n' ${spec.roles.join(' ')}`,
    '    end',
    'end',
  ];
  const value = (v: Value | undefined, takesValue: boolean): string => {
    if (!takesValue) return '';
    if (!v) return ' -x';
    switch (v.kind) {
      case 'choices':
        return v.words.length ? ` -x -a ${sq(v.words.join(' '))}` : ' -x';
      case 'file':
        return ' -r -F';
      case 'dir':
        return " -x -a '(__fish_complete_directories)'";
      case 'roles':
        return " -x -a '(__careers_roles)'";
    }
  };
  const option = (o: OptionSpec, condition: string) => {
    const long = o.flags.find((f) => f.startsWith('--'));
    const short = o.flags.find((f) => /^-[^-]/.test(f));
    const flags = `${long ? ` -l ${long.slice(2)}` : ''}${short ? ` -s ${short.slice(1)}` : ''}`;
    return `complete -c careers${condition}${flags}${value(o.value, o.takesValue)} -d ${sq(o.description)}`;
  };
  for (const c of spec.commands) {
    out.push(
      `complete -c careers -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d ${sq(c.description)}`,
    );
    const seen = ` -n '__fish_seen_subcommand_from ${c.name}'`;
    for (const o of c.options) out.push(option(o, seen));
    if (c.positional) {
      const v = c.positional;
      const args =
        v.kind === 'choices'
          ? ` -a ${sq(v.words.join(' '))}`
          : v.kind === 'roles'
            ? " -a '(__careers_roles)'"
            : v.kind === 'dir'
              ? " -a '(__fish_complete_directories)'"
              : ' -F';
      out.push(`complete -c careers${seen}${args}`);
    }
  }
  for (const o of spec.globals) out.push(option(o, ''));
  return out.join('\n') + '\n';
}
