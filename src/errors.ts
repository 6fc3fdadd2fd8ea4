/**
 * Typed errors. Library code throws these; the single handler in cli/main.ts maps them to exit
 * codes and one line on stderr. Nothing else calls process.exit.
 */
import { clean } from './text.js';

export const ExitCode = {
  ok: 0,
  notFound: 1,
  usage: 2,
  dataInvalid: 3,
  io: 4,
  /** A bug in careers itself: an error no code path expected. */
  internal: 5,
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CareersError extends Error {
  readonly exitCode: ExitCodeValue = ExitCode.io;
  /** Extra lines printed after the message (e.g. suggestions, one problem per line). */
  readonly details: string[];

  /** Message and details are sanitised: they often echo user input or data (a role name, a file). */
  constructor(message: string, details: string[] = []) {
    super(clean(message).replace(/\n/g, ' '));
    this.name = new.target.name;
    this.details = details.map((d) => clean(d).replace(/\n/g, ' '));
  }
}

/** The user asked for something the command line cannot express or that makes no sense. */
export class UsageError extends CareersError {
  override readonly exitCode = ExitCode.usage;
}

/** A role or other item was asked for by name and not found. */
export class NotFoundError extends CareersError {
  override readonly exitCode = ExitCode.notFound;
}

/** One problem in a data file, located as precisely as the parser allows. */
export interface DataProblem {
  file: string;
  line?: number;
  col?: number;
  path: string;
  message: string;
}

/** Formats a problem as `file:line:col: field.path: message`. */
export function formatProblem(p: DataProblem): string {
  const where = [p.file, p.line, p.col].filter((v) => v !== undefined).join(':');
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Data files failed validation; carries every problem found, not just the first. */
export class DataError extends CareersError {
  override readonly exitCode = ExitCode.dataInvalid;
  readonly problems: DataProblem[];

  constructor(message: string, problems: DataProblem[]) {
    super(message, problems.map(formatProblem));
    this.problems = problems;
  }
}

/** A file or directory could not be read or written. */
export class IoError extends CareersError {
  override readonly exitCode = ExitCode.io;
}

/** The user pressed Ctrl-C or the process was told to stop. */
export class InterruptedError extends CareersError {
  override readonly exitCode = ExitCode.interrupted;
}
