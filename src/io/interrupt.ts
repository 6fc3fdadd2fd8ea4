/**
 * Signals during long synchronous work. Node runs a signal handler only when the event loop
 * polls, so a load or export that never yields would finish (and replace a file) before a
 * Ctrl-C is seen. Long loops call `checkpoint()` between steps: about every YIELD_EVERY_MS it
 * yields one turn of the event loop, where a pending SIGINT / SIGTERM / SIGHUP handler runs and
 * ends the process (cli/main.ts), so a signal stops the work within that time. `commitPoint()`
 * always yields: writes call it just before the rename or link that makes a file visible.
 */
import { writeSync } from 'node:fs';
import { removeTempFiles } from './files.js';

/** Longest stretch of synchronous work between two looks at pending signals. */
export const YIELD_EVERY_MS = 40;

let lastYield = Date.now();
let received: string | undefined;

/** Called by the signal handlers, before they end the process. */
export function markInterrupted(signal: string): void {
  received = signal;
}

let committed = false;

/**
 * Called once a command's result is on disk (its output file renamed or linked into place):
 * a signal that comes after that can no longer stop the work, so it must not report it as
 * interrupted while the new file stands (cli/main.ts ends such a run with success).
 */
export function markCommitted(): void {
  committed = true;
}

/** Whether the command's result is already on disk (see markCommitted). */
export function resultCommitted(): boolean {
  return committed;
}

/** The signal received, if any (for code that cannot stop at once). */
export function interruptedBy(): string | undefined {
  return received;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields to the event loop when the last yield was more than YIELD_EVERY_MS ago. */
export async function checkpoint(): Promise<void> {
  if (Date.now() - lastYield < YIELD_EVERY_MS) return;
  await tick();
  lastYield = Date.now();
}

/** Always yields: a signal that arrived during the work is handled before its result is kept. */
export async function commitPoint(): Promise<void> {
  await tick();
  lastYield = Date.now();
}

let stopping = false;

/**
 * Ends the run now: temp files of writes in progress are removed (the old file stays whole),
 * `line` (if any) goes to stderr, and the process exits with `code`.
 */
export function stopNow(code: number, line?: string): never {
  // A write to a broken stderr may report its error straight back here: exit without it.
  if (stopping) process.exit(code);
  stopping = true;
  removeTempFiles();
  if (line !== undefined) {
    try {
      process.stderr.write(line);
    } catch {
      // stderr is gone too; the exit code still tells.
    }
  }
  process.exit(code);
}

/** Exit code of a hang-up: the terminal went away (SIGHUP, or EIO on it), 128 + SIGHUP. */
export const HANGUP_EXIT = 129;

/**
 * Ends the run after a hang-up (SIGHUP, or a terminal that reports EIO): temp files removed, the
 * terminal's mode and cursor restored where it is still there, then the process ends by SIGHUP
 * itself, which shells report as 129. (A plain exit would make Node reset a terminal that is
 * gone, which aborts the process.)
 */
export function hangUp(): never {
  if (!stopping) {
    stopping = true;
    removeTempFiles();
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      if (process.stderr.isTTY) writeSync(2, '\u001b[?25h');
    } catch {
      // the terminal is gone: nothing to restore
    }
  }
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
  process.exit(HANGUP_EXIT); // only if SIGHUP could not end the process
}

/**
 * An error on a terminal stream (stdin under a prompt, stderr): a terminal that closed (EIO,
 * EBADF, ENXIO) ends the run as a hang-up; anything else is one line and exit 4.
 */
export function onTerminalError(err: NodeJS.ErrnoException): never {
  if (err.code === 'EIO' || err.code === 'EBADF' || err.code === 'ENXIO') hangUp();
  stopNow(4, `careers: cannot use the terminal (${err.code ?? err.message})\n`);
}
