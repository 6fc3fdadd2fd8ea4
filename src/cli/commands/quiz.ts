/**
 * `careers quiz`: which back office role fits you. Asks the questions in data/quiz.yaml (or
 * reads the answers from a file), ranks every role and explains the top three.
 */
import { readStdinBytes } from '../../io/stdin.js';
import { defineCommand } from '../command.js';
import type { QuizDeps, QuizOptions } from './quiz-run.js';

const processDeps: QuizDeps = {
  interactive: () => process.stdin.isTTY === true && process.stderr.isTTY === true,
  prompter: async ({ ascii }) =>
    (await import('../../prompts/quiz-prompts.js')).inquirerPrompter({}, { ascii }),
  readStdin: (limit) => readStdinBytes(limit, 'answers on stdin'),
};

/** `careers quiz` with its outside world (`deps`) given; tests pass their own. */
export function quizCommand(deps: QuizDeps = processDeps) {
  return defineCommand({
    name: 'quiz',
    description: 'answer a few questions and see which back office roles fit you, and why',
    options: (command) =>
      command
        .option('--questions', 'print the questions with their ids and choice ids')
        .option(
          '--answers <file>',
          'answer from a YAML or JSON file ("-" for stdin), without prompts',
        )
        .option(
          '--save <file>',
          'write your answers to a file, to replay later with --answers (- is stdout)',
        )
        .option('--force', 'let --save overwrite an existing file'),
    notes: `Prompts are drawn on stderr, so the result on stdout can be redirected.
Keys: arrows to move, enter to choose, space to tick on "pick any" questions, Ctrl-C to quit.`,
    examples: [
      'careers quiz',
      'careers quiz --save my-answers.yaml',
      'careers quiz --questions',
      'careers quiz --answers my-answers.yaml',
      "careers quiz --answers my-answers.yaml --json | jq '.results[0]'",
    ],
    readsData: true,
    roleArguments: false,
    jsonSchemas: ['quiz', 'quiz-questions'],
    async run(ctx, _args: [], opts: QuizOptions) {
      const { runQuiz } = await import('./quiz-run.js');
      return runQuiz(ctx, opts, deps);
    },
  });
}

export default quizCommand();
