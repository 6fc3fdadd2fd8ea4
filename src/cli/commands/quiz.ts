/**
 * `careers quiz`: which back office role fits you. Asks the questions in data/quiz.yaml (or
 * reads the answers from a file), ranks every role and explains the top three.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadQuiz } from '../../data/quiz-loader.js';
import type { Quiz } from '../../data/quiz-schema.js';
import { answersForFile, parseAnswers, scoreQuiz, type Answers } from '../../core/quiz.js';
import { askQuiz, type QuizPrompter } from '../../prompts/quiz-flow.js';
import {
  quizQuestionsJson,
  quizResultJson,
  renderQuestions,
  renderQuizResult,
} from '../../render/quiz.js';
import { writeFileAtomic } from '../../io/files.js';
import { clean } from '../../render/text.js';
import { MAX_FILE_BYTES, parseYamlText, readDataText, toData } from '../../data/loader.js';
import { ExitCode, IoError, UsageError, formatProblem, type DataProblem } from '../../errors.js';
import type { ContextFactory, ResultSink } from '../options.js';

/** What the command needs from the outside world; tests replace it. */
export interface QuizDeps {
  /** True when there is a terminal to ask on (stdin and stderr). */
  interactive: () => boolean;
  /** The prompter; the default loads inquirer only now, so other commands never load it. */
  prompter: () => Promise<QuizPrompter>;
  /** Standard input, for `--answers -`. */
  readStdin: () => string;
}

const processDeps: QuizDeps = {
  interactive: () => process.stdin.isTTY === true && process.stderr.isTTY === true,
  prompter: async () => (await import('../../prompts/quiz-prompts.js')).inquirerPrompter(),
  readStdin: () => readFileSync(0, 'utf8'),
};

interface QuizOptions {
  questions?: boolean;
  answers?: string;
  save?: string;
  force?: boolean;
}

/**
 * Reads and checks an answers file (YAML or JSON) with the same guards as a data file (size,
 * UTF-8, alias cap, depth, tags, keys); bad answers are usage errors, an unreadable file an I/O
 * error.
 */
function readAnswers(quiz: Quiz, file: string, deps: QuizDeps): Answers {
  const where = file === '-' ? 'answers on stdin' : file;
  const problems: DataProblem[] = [];
  let text: string | undefined;
  if (file === '-') {
    text = deps.readStdin();
    if (text.length > MAX_FILE_BYTES) throw new UsageError(`${where}: file too large`);
  } else {
    try {
      statSync(file);
    } catch (err) {
      throw new IoError(`cannot read ${where} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    text = readDataText(file, where, problems);
  }
  const pf =
    text === undefined ? undefined : parseYamlText(text.replace(/^\uFEFF/, ''), where, problems);
  const data = pf && toData(pf, problems);
  const [first, ...rest] = problems;
  if (first || !data?.ok)
    throw new UsageError(
      first ? formatProblem(first) : `${where}: unreadable`,
      rest.map(formatProblem),
    );
  return parseAnswers(quiz, data.value, where);
}

/** Registers `careers quiz`; `deps` is for tests. */
export function registerQuiz(
  program: Command,
  context: ContextFactory,
  done: ResultSink,
  deps: QuizDeps = processDeps,
): void {
  program
    .command('quiz')
    .description('answer a few questions and see which back office roles fit you, and why')
    .option('--questions', 'print the questions with their ids and choice ids')
    .option('--answers <file>', 'answer from a YAML or JSON file ("-" for stdin), without prompts')
    .option('--save <file>', 'write your answers to a file, to replay later with --answers')
    .option('--force', 'let --save overwrite an existing file')
    .addHelpText(
      'after',
      `
Prompts are drawn on stderr, so the result on stdout can be redirected.
Keys: arrows to move, enter to choose, space to tick on "pick any" questions, Ctrl-C to quit.

Examples:
  careers quiz
  careers quiz --save my-answers.yaml
  careers quiz --questions
  careers quiz --answers my-answers.yaml
  careers quiz --answers my-answers.yaml --json | jq '.results[0]'`,
    )
    .action(async (opts: QuizOptions, cmd: Command) => {
      const ctx = context(cmd);
      const catalog = ctx.catalog();
      const quiz = loadQuiz(catalog);
      if (opts.questions) {
        ctx.print(
          () => renderQuestions(ctx.render, quiz),
          () => quizQuestionsJson(quiz),
        );
        done(ExitCode.ok);
        return;
      }
      if (opts.save !== undefined && !opts.force && existsSync(opts.save))
        throw new UsageError(`${opts.save} already exists; use --force to overwrite it`);

      let answers: Answers;
      if (opts.answers !== undefined) {
        answers = readAnswers(quiz, opts.answers, deps);
      } else {
        if (!deps.interactive())
          throw new UsageError(
            'the quiz needs a terminal to ask its questions; in scripts use --answers <file> (see careers quiz --questions)',
          );
        answers = await askQuiz(quiz, await deps.prompter());
      }

      if (opts.save !== undefined) {
        writeFileAtomic(opts.save, stringify(answersForFile(quiz, answers)), {
          force: opts.force,
        });
        ctx.note(
          `careers: answers saved to ${clean(opts.save)} (replay: careers quiz --answers ${clean(opts.save)})`,
        );
      }
      const ranked = scoreQuiz(quiz, answers, catalog.roles);
      ctx.print(
        () => renderQuizResult(ctx.render, ranked),
        () => quizResultJson(quiz, answers, ranked),
      );
      done(ExitCode.ok);
    });
}
