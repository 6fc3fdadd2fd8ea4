/**
 * The work of `careers quiz`, loaded only when the quiz runs (it brings the quiz schema, the
 * YAML parser and, for interactive runs, inquirer).
 */
import { existsSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { loadQuiz } from '../../data/quiz-loader.js';
import type { Quiz } from '../../data/quiz-schema.js';
import { answersForFile, parseAnswers, scoreQuiz, type Answers } from '../../core/quiz.js';
import { askQuiz } from '../../prompts/quiz-flow.js';
import {
  quizQuestionsJson,
  quizResultJson,
  renderQuestions,
  renderQuizResult,
} from '../../render/quiz.js';
import { writeFileAtomic } from '../../io/files.js';
import { MAX_FILE_BYTES, parseYamlText, readDataText, toData } from '../../data/loader.js';
import { clean } from '../../render/text.js';
import { ExitCode, IoError, UsageError, formatProblem, type DataProblem } from '../../errors.js';
import type { ResultSink } from '../options.js';
import type { Context } from '../context.js';
import type { QuizDeps, QuizOptions } from './quiz.js';

/** Reads and checks an answers file (YAML or JSON); bad answers are usage errors. */
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

/** Runs the quiz: prints the questions, or asks / reads the answers and prints the ranking. */
export async function runQuiz(
  ctx: Context,
  opts: QuizOptions,
  deps: QuizDeps,
  done: ResultSink,
): Promise<void> {
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
}
