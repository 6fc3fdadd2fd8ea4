/**
 * Long output on a terminal goes through a pager, as git and gh do: `$CAREERS_PAGER`, else
 * `$PAGER`, else `less -FRX` (quit when it fits one screen, keep colours, leave the text on the
 * screen). `cat` or an empty value means no pager. The output is held until the command ends; if
 * it fits the terminal (or the terminal has no known height) it is printed as it is, without
 * starting a pager.
 *
 * While the pager runs, Ctrl-C belongs to it (less stops a search and stays; q quits): careers
 * waits for the pager rather than dying under it and leaving it to fight the shell for the
 * terminal. A pager that quits before reading everything (q) is no error, and a pager that
 * cannot be started (not installed) means the text is printed directly.
 */
import type * as ChildProcesses from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { lazyRequire } from './lazy-require.js';

/**
 * node:child_process, loaded only when a pager starts: it brings net and dgram with it, which a
 * look-up printing to a file or /dev/null would otherwise load for nothing.
 */
function spawn(...args: Parameters<typeof ChildProcesses.spawn>): ChildProcess {
  return lazyRequire<typeof ChildProcesses>('node:child_process').spawn(...args);
}

/** The pager when neither CAREERS_PAGER nor PAGER names one. */
export const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager command line this environment asks for, or undefined for none
 * (CAREERS_PAGER / PAGER set to "" or "cat").
 */
export function pagerCommand(env: NodeJS.ProcessEnv): string | undefined {
  const asked = env.CAREERS_PAGER ?? env.PAGER ?? DEFAULT_PAGER;
  const command = asked.trim();
  return command === '' || command === 'cat' ? undefined : command;
}

/** Whether `text` needs more than `rows` lines of a `columns`-wide terminal. */
export function overflows(text: string, rows: number | undefined, columns?: number): boolean {
  // A terminal of unknown height (a pseudo-terminal nobody sized, as in automation) is not paged.
  if (!rows) return false;
  let lines = 0;
  for (const line of text.split('\n')) {
    const visible = line.replace(/\u001b\[[0-9;]*m/g, '').length;
    lines += columns ? Math.max(1, Math.ceil(visible / columns)) : 1;
    if (lines >= rows) return true;
  }
  return false;
}

let running: ChildProcess | undefined;
/** Set once a pager has started, until it turns out it could not run (see pagerOwnsCtrlC). */
let started = false;

/**
 * Whether Ctrl-C is the pager's: a pager was started for this run's output and did run. This
 * stays true after the pager has exited: the Ctrl-C that ended it reaches careers too, and may
 * be handled only after the pager's exit is, so the outcome is the pager's (its exit status, or
 * 130 when Ctrl-C killed it), never a second interruption of careers.
 */
export function pagerOwnsCtrlC(): boolean {
  return started;
}

/** Ends a running pager (careers was told to stop: SIGTERM). */
export function stopPager(): void {
  running?.kill('SIGTERM');
}

/** What became of the text given to the pager. */
export interface Paged {
  /** False when no pager could be started: the caller prints the text itself. */
  shown: boolean;
  /** The signal the pager died of, if any. */
  signal?: NodeJS.Signals;
}

/**
 * Shows `text` through `command`. A command line with no shell syntax is run directly (a
 * missing program is then an error event); anything else through `sh -c`, where a missing
 * program is exit 127. Resolves when the pager has exited.
 */
export function page(text: string, command: string, env: NodeJS.ProcessEnv): Promise<Paged> {
  const simple = /^[\w./@%+=:,-]+(?:\s+[\w./@%+=:,-]+)*$/.test(command);
  const [file = '', ...args] = simple ? command.split(/\s+/) : ['/bin/sh', '-c', command];
  // As git does: less quits on one screen, keeps colours and the screen, unless told otherwise.
  const childEnv = { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' };
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(file, args, { stdio: ['pipe', 'inherit', 'inherit'], env: childEnv });
    } catch {
      resolve({ shown: false });
      return;
    }
    running = child;
    started = true;
    let settled = false;
    const done = (paged: Paged) => {
      if (settled) return;
      settled = true;
      running = undefined;
      // No pager ran: careers prints the text itself, and Ctrl-C is careers' again.
      if (!paged.shown) started = false;
      resolve(paged);
    };
    child.on('error', () => done({ shown: false }));
    child.on('close', (code, signal) => {
      if (!simple && code === 127)
        done({ shown: false }); // sh: the pager is not installed
      else done({ shown: true, signal: signal ?? undefined });
    });
    // The pager may quit (q) before it has read everything: the rest is not wanted.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(text);
  });
}
