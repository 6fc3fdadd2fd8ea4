/**
 * `careers quiz`: which back office role fits you. Asks the questions in data/quiz.yaml (or
 * reads the answers from a file), ranks every role and explains the top three.
 */
import type { Command } from 'commander';
import { readStdinBytes } from '../../io/stdin.js';
import type { ContextFactory, ResultSink } from '../options.js';
import type { QuizDeps, QuizOptions } from './quiz-run.js';

const processDeps: QuizDeps = {
  interactive: () => process.stdin.isTTY === true && process.stderr.isTTY === true,
  prompter: async () => (await import('../../prompts/quiz-prompts.js')).inquirerPrompter(),
  readStdin: (limit) => readStdinBytes(limit, 'answers on stdin'),
};

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
    .option(
      '--save <file>',
      'write your answers to a file, to replay later with --answers (- is stdout)',
    )
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
      const { runQuiz } = await import('./quiz-run.js');
      await runQuiz(context(cmd), opts, deps, done);
    });
}
