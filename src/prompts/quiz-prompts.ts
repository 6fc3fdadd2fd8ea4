/**
 * The only module that talks to inquirer. It is imported lazily by `careers quiz`, so no other
 * command pays for loading it. Prompts are drawn on stderr, which keeps stdout for the result.
 */
import { writeSync } from 'node:fs';
import { importEsm } from '../io/import-esm.js';
import { onTerminalError } from '../io/interrupt.js';
import type { Question } from '../model/quiz-schema.js';
import { RATING_MAX, RATING_MIN } from '../model/quiz-constants.js';
import type { AnswerValue } from '../core/quiz.js';
import { InterruptedError } from '../errors.js';
import { wrap, wrapStyled } from '../text.js';
import { toAscii } from '../render/ascii.js';
import { progressText, type Progress, type QuizPrompter, type Reply } from './quiz-flow.js';

// Values no choice id can take (ids are slugs).
const BACK = '<back>';
const SKIP = '<skip>';

/** Streams for the prompts; tests pass their own, the CLI uses stdin and stderr. */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** True for the errors inquirer throws when the user presses Ctrl-C or the prompt is aborted. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && ['ExitPromptError', 'AbortPromptError'].includes(err.name);
}

interface ListChoice {
  name: string;
  value: string;
  checked?: boolean;
}

let cursorGuard = false;

/**
 * Shows the cursor again however the process ends while a prompt has hidden it: a SIGTERM or an
 * outside SIGINT exits through process.exit, which inquirer's own clean-up does not see.
 */
function restoreCursorOnExit(): void {
  if (cursorGuard) return;
  cursorGuard = true;
  process.once('exit', () => {
    // The terminal may be gone (a hang-up): then there is nothing to restore.
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      if (process.stderr.isTTY) writeSync(2, '\u001b[?25h');
    } catch {
      // nothing to restore on a closed terminal
    }
  });
}

type Inquirer = (typeof import('inquirer'))['default'];
let loaded: Promise<Inquirer> | undefined;

/** inquirer, imported on the first question (it is an ES module; the program is CommonJS). */
function loadInquirer(): Promise<Inquirer> {
  loaded ??= importEsm<typeof import('inquirer')>('inquirer').then((m) => m.default);
  return loaded;
}

/** Key names inquirer's help line uses, in plain ASCII. */
const ASCII_KEYS: Record<string, string> = { '↑↓': 'up/down', '⏎': 'enter' };

/**
 * The prompts' marks in ASCII mode (--ascii, TERM=dumb, a locale that is not UTF-8): cursor,
 * check boxes, the question and answer marks, separators and the keys help line.
 */
function asciiTheme() {
  return {
    prefix: { idle: '?', done: '+' },
    icon: { cursor: '>', checked: '[x]', unchecked: '[ ]' },
    style: {
      keysHelpTip: (keys: Array<[string, string]>) =>
        keys.map(([key, action]) => `${ASCII_KEYS[key] ?? key} ${action}`).join(', '),
    },
  };
}

/** A prompter that asks through inquirer's select and checkbox prompts. */
export function inquirerPrompter(
  streams: PromptStreams = {},
  { ascii = false }: { ascii?: boolean } = {},
): QuizPrompter {
  const theme = ascii ? { theme: asciiTheme() } : {};
  const plain = (s: string) => (ascii ? toAscii(s) : s);
  const columns = () => (output as { columns?: number }).columns ?? 80;
  const separator = (S: new (line?: string) => unknown) => (ascii ? new S('-----') : new S());
  const output = streams.output ?? process.stderr;
  if (output === process.stderr) restoreCursorOnExit();
  // A terminal that closes under a prompt reports EIO on stdin: end like a hang-up (exit 129).
  if (streams.input === undefined) process.stdin.once('error', onTerminalError);
  let prompt: ReturnType<Inquirer['createPromptModule']> | undefined;
  /** The question and the names of the choices picked, as inquirer shows an answered prompt. */
  const echo = (question: Record<string, unknown>, value: unknown) => {
    const picked = Array.isArray(value) ? (value as unknown[]) : [value];
    const choices = (question.choices ?? []) as Array<{ name?: string; value?: unknown }>;
    const names = choices.filter((c) => picked.includes(c.value)).map((c) => c.name ?? '');
    const width = Math.max(40, columns() - 1);
    const text = `${String(question.message)} ${names.join(', ') || '-'}`;
    // (A test's output stream may already be ended by inquirer.)
    if ((output as { writableEnded?: boolean }).writableEnded) return;
    output.write(`${plain(wrapStyled([[text]], width, ascii ? '+ ' : '✔ ', '  '))}\n`);
  };
  const ask = async (question: Record<string, unknown>): Promise<unknown> => {
    prompt ??= (await loadInquirer()).createPromptModule({
      input: streams.input ?? process.stdin,
      output,
      skipTTYChecks: streams.input !== undefined,
      // Each prompt is cleared when it ends, so Ctrl-C leaves no half-drawn question; an
      // answered one is written back as one settled line (echo).
      clearPromptOnDone: true,
    });
    try {
      const answers = (await prompt([{ name: 'value', ...theme, ...question } as never])) as {
        value: unknown;
      };
      echo(question, answers.value);
      return answers.value;
    } catch (err) {
      if (isPromptExit(err)) throw new InterruptedError('interrupted');
      throw err;
    }
  };

  return {
    say(text) {
      const width = Math.max(40, Math.min(columns() - 1, 100));
      const lines = text.split('\n').map((line) => (line ? wrap(line, width) : ''));
      output.write(plain(`${lines.join('\n')}\n`));
    },

    async ask(q: Question, progress: Progress, previous: AnswerValue | undefined): Promise<Reply> {
      const { Separator } = await loadInquirer();
      // Wrapped here at word boundaries (inquirer would break words at the terminal's edge),
      // leaving room for the "? " mark.
      const fit = (text: string) => plain(wrap(text, Math.max(40, columns() - 3)));
      const message = fit(`${progressText(progress)}: ${q.text}${q.help ? ` ${q.help}` : ''}`);
      const moves: ListChoice[] = [
        { name: 'Skip this question', value: SKIP },
        ...(progress.canGoBack ? [{ name: 'Back to the previous question', value: BACK }] : []),
      ];
      if (q.type === 'multi') {
        const picked = Array.isArray(previous) ? previous : [];
        const value = (await ask({
          type: 'checkbox',
          message: `${message} (none picked = skip${progress.canGoBack ? '; tick only Back to go back' : ''})`,
          choices: [
            ...q.choices.map((c) => ({
              name: plain(c.label),
              value: c.id,
              checked: picked.includes(c.id),
            })),
            ...(progress.canGoBack
              ? [separator(Separator), { name: 'Back to the previous question', value: BACK }]
              : []),
          ],
          pageSize: 16,
          loop: false,
        })) as string[];
        // Back is a move, not an answer: it counts only when it is the one tick, so "a" (all)
        // or "i" (invert) never turns a set of picks into going back.
        const picks = value.filter((v) => v !== BACK);
        if (picks.length === 0 && value.includes(BACK)) return { action: 'back' };
        return picks.length === 0 ? { action: 'skip' } : { action: 'answer', value: picks };
      }
      const options: ListChoice[] =
        q.type === 'rating'
          ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => {
              const n = RATING_MIN + i;
              const meaning =
                n === RATING_MIN ? ` (${q.low})` : n === RATING_MAX ? ` (${q.high})` : '';
              return { name: plain(`${n}${meaning}`), value: String(n) };
            })
          : q.choices.map((c) => ({ name: plain(c.label), value: c.id }));
      const value = (await ask({
        type: 'select',
        message,
        choices: [...options, separator(Separator), ...moves],
        // The earlier answer after going back; on a fresh rating, the neutral middle.
        default:
          previous !== undefined && previous !== null
            ? String(previous)
            : q.type === 'rating'
              ? String((RATING_MIN + RATING_MAX) / 2)
              : undefined,
        pageSize: 16,
        loop: false,
      })) as string;
      if (value === BACK) return { action: 'back' };
      if (value === SKIP) return { action: 'skip' };
      return { action: 'answer', value: q.type === 'rating' ? Number(value) : value };
    },
  };
}
