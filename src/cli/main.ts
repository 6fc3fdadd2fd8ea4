/**
 * The program: global options, one file per command, and the single error handler that
 * turns typed errors into one line on stderr and a documented exit code.
 */
import { Command, CommanderError } from 'commander';
import { CareersError, ExitCode } from '../errors.js';
import { Context, terminalWidth, type GlobalOptions, type Io } from './command-context.js';
import { DataStore } from '../store/data-store.js';
import { resolveDataDir } from '../data/dirs.js';
import { COMMANDS } from './commands/index.js';
import { addCommand } from './command-program.js';
import { version } from '../version.js';
import { renderJson } from '../model/json.js';
import {
  HANGUP_EXIT,
  hangUp,
  markInterrupted,
  onTerminalError,
  resultCommitted,
  stopNow,
} from '../io/interrupt.js';
import { cwdGoneMessage, describeError } from '../io/fs-errors.js';
import { clean, displayWidth, wrapStyled } from '../text.js';
import { asciiOnly } from '../render/charts.js';
import { toAscii } from '../render/ascii.js';
import { overflows, page, pagerCommand, pagerOwnsCtrlC, stopPager } from '../io/pager.js';

/**
 * Help text wrapped to the width at spaces. Commander wraps its own columns; this wraps the rest
 * (examples, exit codes, notes), each long line hanging under its text: after the indent, or
 * after a "term  description" gap of two or more spaces.
 */
export function wrapHelp(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      if (/^\s*careers /.test(line)) return wrapCommand(line, width);
      const gap = /^(\s*\S+(?: \S+)*?\s{2,})/.exec(line)?.[1] ?? /^\s*/.exec(line)?.[0] ?? '';
      const first = gap.length <= width - 20 ? gap : (/^\s*/.exec(line)?.[0] ?? '');
      return wrapStyled([[line.slice(first.length)]], width, first, ' '.repeat(first.length));
    })
    .join('\n');
}

/**
 * An example command too long for the width, broken between arguments (never inside quotes)
 * with a shell line continuation, so it still pastes as one command.
 */
function wrapCommand(line: string, width: number): string {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.trim().match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  const lines: string[] = [];
  let current = indent;
  for (const word of words) {
    const next = current.trim() ? `${current} ${word}` : `${current}${word}`;
    if (current.trim() && displayWidth(next) + 2 > width) {
      lines.push(`${current} \\`);
      current = `${indent}    ${word}`;
    } else current = next;
  }
  lines.push(current);
  return lines.join('\n');
}

/** Where the options end: at a bare "--", else the end of argv. */
function endOfOptions(argv: string[]): number {
  const end = argv.indexOf('--');
  return end < 0 ? argv.length : end;
}

/** Exit codes as documented in the README and in `careers --help`. */
const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    nothing found (unknown role, no search results)
  2    usage error (bad flag, argument or query)
  3    data invalid (a data file fails validation, or the data directory is missing)
  4    a file could not be read or written (also: stdout full, working directory deleted)
  5    internal error: a bug in careers; please report it (see the README)
  129  the terminal closed (SIGHUP)
  130  interrupted (Ctrl-C)
  143  stopped (SIGTERM)`;

/** Builds the commander program; `onResult` receives each command's exit code. */
export function buildProgram(io: Io, onResult: (code: number) => void): Command {
  const program = new Command('careers');
  const width = terminalWidth(io);
  program
    .description(
      'Explore back office careers offline: skills, salary, tools and cities for each role.',
    )
    .version(version(), '-v, --version', 'print the version')
    .option('--json', 'print one JSON document on stdout instead of tables')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1, or stdout not a terminal)')
    .option(
      '--ascii',
      'draw charts with plain ASCII (also when TERM=dumb or the locale is not UTF-8)',
    )
    .option('--no-pager', 'never page long output through $PAGER (also: CAREERS_PAGER=cat)')
    .option(
      '--data <dir>',
      'load roles from this directory instead of the built-in data (also: CAREERS_DATA_DIR)',
    )
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      `
Examples:
  careers search acountant
  careers show "data entry"
  careers show "back office administrator" --section salary
  careers list --sort salary --min-salary 50000
  careers path "data entry"
  careers gap "data entry keyer" "executive assistant"
  careers similar bookkeeper
  careers about
${EXIT_CODES_HELP}

Data: O*NET 29.2 (USDOL/ETA, CC BY 4.0) and BLS OEWS (public domain). Run "careers about" for details.`,
    )
    // Descriptions beside 30-column option names still wrap at 60 columns.
    .configureHelp({ minWidthToWrap: 24 })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(io.ascii ? toAscii(wrapHelp(s, width)) : wrapHelp(s, width)),
      writeErr: (s) => io.stderr(wrapHelp(s, width)),
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
      // Errors are reported by reportError, as one line in the program's own style.
      outputError: () => undefined,
    });

  // A command that reads the data directory has it loaded once, before its action.
  const store = new DataStore();
  const readsData = new Set(COMMANDS.filter((d) => d.readsData).map((d) => d.name));
  program.hook('preAction', async (_program, action) => {
    if (!readsData.has(action.name())) return;
    const dir = resolveDataDir(action.optsWithGlobals<GlobalOptions>().data, io.env);
    await store.load(dir, io.env, {
      write: (text) => io.stderr(text),
      isTTY: io.stderrIsTTY === true,
      columns: io.stderrColumns,
    });
  });
  const context = (command: Command) => new Context(io, command, store);
  for (const definition of COMMANDS) addCommand(program, definition, context, onResult, COMMANDS);
  return program;
}

/**
 * Commander's error message as one line in the program's style, naming the help to read:
 * `--min-salary must be a whole number of dollars (got "abc"); see careers list --help`.
 */
export function usageMessage(message: string, command?: string): string {
  const text = message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.*)\?\)/s, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ');
  const invalid =
    /^option '([^']*)' argument '(.*)' is invalid\. (.*)$/s.exec(text) ??
    /^command-argument value '(.*)' is invalid for argument '([^']*)'\. (.*)$/s
      .exec(text)
      ?.map((part, i, all) => (i === 1 ? `<${all[2]}>` : i === 2 ? (all[1] ?? '') : part));
  let line = text;
  if (invalid) {
    const [, flags = '', value = '', why = ''] = invalid;
    const name = /^<|^--/.test(flags)
      ? flags.split(' ')[0]
      : (/--[\w-]+/.exec(flags)?.[0] ?? flags);
    const choices = /^Allowed choices are (.*)\.$/.exec(why);
    const reason = choices ? `must be one of ${choices[1]}` : why.replace(/\.$/, '');
    line = `${name} ${reason} (got "${value}")`;
  } else {
    line = line
      .replace(/^unknown (option|command) '([^']*)'/, 'unknown $1 $2')
      .replace(/^missing required argument '([^']*)'/, 'missing <$1>')
      .replace(
        /^too many arguments for '([^']*)'\. Expected/,
        'too many arguments for $1: expected',
      )
      .replace(/\.$/, '');
  }
  return `${clean(line)}; see careers${command ? ` ${command}` : ''} --help`;
}

/** The command a command line runs: its first word naming one (or an alias), if any. */
function commandOf(program: Command, argv: string[]): string | undefined {
  for (const word of argv.slice(2)) {
    const found = program.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (found) return found.name();
  }
  return undefined;
}

/** Reports an error as one line (plus details) on stderr and returns its exit code. */
export function reportError(err: unknown, io: Io, command?: string): number {
  const debug = (io.env.DEBUG ?? '').split(',').includes('careers');
  if (err instanceof CommanderError) {
    // Commander has already printed the help or version text.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      return ExitCode.ok;
    // `careers help` with no command, and the like: help is shown, nothing to add.
    if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync')
      return ExitCode.usage;
    io.stderr(`careers: ${usageMessage(err.message, command)}\n`);
    return ExitCode.usage;
  }
  if (err instanceof CareersError) {
    io.stderr(`careers: ${err.message}\n`);
    for (const line of err.details) io.stderr(`${line}\n`);
    if (debug && err.stack) io.stderr(`${err.stack}\n`);
    return err.exitCode;
  }
  const cwdGone = cwdGoneMessage(err);
  if (cwdGone) {
    io.stderr(`careers: ${cwdGone}\n`);
    return ExitCode.io;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`careers: internal error: ${clean(message.split('\n')[0] ?? '')}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  io.stderr(
    debug
      ? 'This is a bug in careers. Please report it with the command you ran and the lines above.\n'
      : 'This is a bug in careers. Please report it with the command you ran and what\n' +
          '`DEBUG=careers careers <same command>` prints (see "Reporting a bug" in the README).\n',
  );
  return ExitCode.internal;
}

/** Io bound to the real process streams. */
export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns,
  };
}

/** Exit codes of the signals the program stops on: 128 + the signal number, as shells report. */
const SIGNAL_EXIT = { SIGHUP: HANGUP_EXIT, SIGINT: ExitCode.interrupted, SIGTERM: 143 } as const;

/**
 * Quiet exits for a closed pipe, a stdout that cannot be written (a full disk: one line, exit 4),
 * Ctrl-C / SIGTERM / SIGHUP, and a terminal that went away under a prompt (EIO: like SIGHUP).
 */
function installProcessHandlers(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') stopNow(ExitCode.ok);
    if (err.code === 'EIO') hangUp(); // stdout was the terminal, and it closed
    stopNow(ExitCode.io, `careers: cannot write to standard output (${describeError(err)})\n`);
  });
  // (stdin is left alone: making its stream would set the descriptor non-blocking; the quiz
  // prompts, which read it, add onTerminalError themselves.)
  // A stderr that cannot be written (2>/dev/full) loses the message, not the exit code; a
  // terminal that closed under it is a hang-up.
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EIO' || err.code === 'ENXIO') onTerminalError(err);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Ctrl-C under the pager is the pager's (less stays; q quits); careers waits for it.
      if (signal === 'SIGINT' && pagerOwnsCtrlC()) return;
      stopPager();
      markInterrupted(signal);
      // The file was already replaced: the work is done, so say that rather than "interrupted".
      stopNow(resultCommitted() ? ExitCode.ok : SIGNAL_EXIT[signal]);
    });
  }
  process.on('SIGHUP', () => {
    stopPager();
    markInterrupted('SIGHUP');
    hangUp();
  });
}

/**
 * The pager for this run, if its output should be paged: stdout is a terminal, the output is
 * text (not --json), --no-pager and CAREERS_PAGER / PAGER=cat do not say otherwise, and the
 * command is not the interactive quiz (its prompts own the terminal).
 */
function pagerFor(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
  if (process.stdout.isTTY !== true || env.TERM === 'dumb') return undefined;
  const options = argv.slice(2, endOfOptions(argv));
  if (options.includes('--json') || options.includes('--no-pager')) return undefined;
  const quizPrints = ['--questions', '--help', '-h'].some((flag) => options.includes(flag));
  const quiz = argv.slice(2).find((word) => COMMANDS.some((d) => d.name === word)) === 'quiz';
  if (quiz && !quizPrints) return undefined;
  return pagerCommand(env);
}

/** Runs the CLI and resolves to the exit code. Pass `io` to run without touching the process. */
export async function main(argv: string[], io?: Io): Promise<number> {
  if (!io) installProcessHandlers();
  const given = io ?? processIo();
  // Errors, help and notes in ASCII mode are ASCII too (commands' results: Context.print).
  const ascii = asciiOnly(argv.slice(2, endOfOptions(argv)).includes('--ascii'), given.env);
  let streams: Io = ascii ? { ...given, ascii, stderr: (s) => given.stderr(toAscii(s)) } : given;
  let code: number = ExitCode.ok;
  let program: Command | undefined;
  // Output to be paged is held until the command is done (only for the real process).
  let pager: string | undefined;
  const held: string[] = [];
  try {
    pager = io ? undefined : pagerFor(argv, given.env);
    if (pager !== undefined) streams = { ...streams, stdout: (s) => void held.push(s) };
    program = buildProgram(streams, (c) => (code = c));
    code = await run(argv, program, streams, () => code);
  } catch (err) {
    code = reportError(err, streams, program && commandOf(program, argv));
  }
  if (pager === undefined || held.length === 0) return code;
  const text = held.join('');
  if (!overflows(text, process.stdout.rows, process.stdout.columns)) {
    given.stdout(text);
    return code;
  }
  const paged = await page(text, pager, given.env);
  if (!paged.shown) given.stdout(text); // no such pager: print it
  return paged.signal === 'SIGINT' ? ExitCode.interrupted : code;
}

/** Parses the command line and runs its command; resolves to the exit code. */
async function run(
  argv: string[],
  program: Command,
  streams: Io,
  result: () => number,
): Promise<number> {
  if (argv.length <= 2) {
    streams.stderr(program.helpInformation());
    return ExitCode.usage;
  }
  // `--version --json`: the version as a JSON document, like every other answer.
  const options = argv.slice(2, endOfOptions(argv));
  if (options.includes('--json') && options.some((a) => a === '--version' || a === '-v')) {
    streams.stdout(renderJson({ version: version() }));
    return ExitCode.ok;
  }
  await program.parseAsync(argv);
  return result();
}
