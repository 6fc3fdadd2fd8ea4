/**
 * The work of `careers quiz`, loaded only when the quiz runs. The built-in quiz comes compiled
 * with the built-in data; the quiz schema and the YAML parser are loaded only to read a quiz.yaml,
 * an answers file or to save answers, and inquirer only for interactive runs.
 */
import { existsSync } from 'node:fs';
import { rankQuiz, type Answers } from '../../core/quiz.js';
import { askQuiz } from '../../prompts/quiz-flow.js';
import {
  quizQuestionsJson,
  quizResultJson,
  renderQuestions,
  renderQuizResult,
} from '../../render/quiz.js';
import { clean } from '../../text.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { Context } from '../command-context.js';
import type { QuizPrompter } from '../../prompts/quiz-flow.js';

/** What the command needs from the outside world; tests replace it. */
export interface QuizDeps {
  /** True when there is a terminal to ask on (stdin and stderr). */
  interactive: () => boolean;
  /** The prompter; the default loads inquirer only now, so other commands never load it. */
  prompter: (opts: { ascii: boolean }) => Promise<QuizPrompter>;
  /** Standard input, for `--answers -`: at most `limit` bytes, else a UsageError. */
  readStdin: (limit: number) => Uint8Array;
}

export interface QuizOptions {
  questions?: boolean;
  answers?: string;
  save?: string;
  force?: boolean;
}

/** Runs the quiz: prints the questions, or asks / reads the answers and prints the ranking. */
export async function runQuiz(ctx: Context, opts: QuizOptions, deps: QuizDeps): Promise<number> {
  const catalog = ctx.catalog();
  const quiz = ctx.compiledQuiz() ?? (await import('../../data/quiz-loader.js')).loadQuiz(catalog);
  if (opts.questions) {
    ctx.print(
      () => renderQuestions(ctx.renderContext, quiz),
      () => quizQuestionsJson(quiz),
    );
    return ExitCode.ok;
  }
  const toStdout = opts.save === '-';
  if (toStdout && ctx.json)
    throw new UsageError('--save - and --json both write to stdout; save the answers to a file');
  if (opts.save !== undefined && !toStdout && !opts.force && existsSync(opts.save))
    throw new UsageError(`${opts.save} already exists; use --force to overwrite it`);

  let answers: Answers;
  if (opts.answers !== undefined) {
    const { readAnswers } = await import('./quiz-files.js');
    answers = readAnswers(quiz, opts.answers, deps.readStdin, (line) => ctx.note(line));
  } else {
    if (!deps.interactive())
      throw new UsageError(
        'the quiz needs a terminal to ask its questions; in scripts use --answers <file> (see careers quiz --questions)',
      );
    answers = await askQuiz(quiz, await deps.prompter({ ascii: ctx.ascii }));
  }

  if (toStdout) {
    // The answers file is the output; the ranking goes to the terminal, on stderr.
    const { answersText } = await import('./quiz-files.js');
    ctx.io.stdout(answersText(quiz, answers));
    ctx.io.stderr(renderQuizResult(ctx.renderContext, rankQuiz(quiz, answers, catalog.roles)));
    return ExitCode.ok;
  }
  if (opts.save !== undefined) {
    const { saveAnswers } = await import('./quiz-files.js');
    saveAnswers(quiz, answers, opts.save, opts.force);
    ctx.note(
      `careers: answers saved to ${clean(opts.save)} (replay: careers quiz --answers ${clean(opts.save)})`,
    );
  }
  const result = rankQuiz(quiz, answers, catalog.roles);
  ctx.print(
    () => renderQuizResult(ctx.renderContext, result),
    () => quizResultJson(quiz, answers, result),
  );
  return ExitCode.ok;
}
