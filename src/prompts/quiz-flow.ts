/**
 * The interactive quiz as a loop over a small prompt interface: one question at a time, with
 * skip and back. The real interface (inquirer) is in quiz-prompts.ts; tests pass their own.
 */
import type { Question, Quiz } from '../model/quiz-schema.js';
import type { AnswerValue, Answers } from '../core/quiz.js';

/** What the user did with one question. */
export type Reply =
  { action: 'answer'; value: string | string[] | number } | { action: 'skip' } | { action: 'back' };

/** Where a question sits in the quiz, for the progress line ("Question 4 of 14"). */
export interface Progress {
  number: number;
  total: number;
  /** False on the first question, where there is nothing to go back to. */
  canGoBack: boolean;
}

/** The one thing the quiz needs from a terminal. */
export interface QuizPrompter {
  /** Shows a block of text, such as the intro. */
  say(text: string): void;
  /** Asks one question; `previous` is the earlier answer when the user came back to it. */
  ask(question: Question, progress: Progress, previous: AnswerValue | undefined): Promise<Reply>;
}

/** The progress line shown with each question. */
export function progressText(p: Progress): string {
  return `Question ${p.number} of ${p.total}`;
}

/** Asks every question in order, honouring skip and back; resolves to the answers. */
export async function askQuiz(quiz: Quiz, prompter: QuizPrompter): Promise<Answers> {
  prompter.say(`${quiz.title}\n${quiz.intro}\n`);
  const answers: Answers = {};
  const total = quiz.questions.length;
  let i = 0;
  while (i < total) {
    const question = quiz.questions[i] as Question;
    const reply = await prompter.ask(
      question,
      { number: i + 1, total, canGoBack: i > 0 },
      answers[question.id],
    );
    if (reply.action === 'back') {
      i = Math.max(0, i - 1);
      continue;
    }
    answers[question.id] = reply.action === 'skip' ? null : reply.value;
    i++;
  }
  prompter.say(''); // a blank line between the last question and the result
  // Question order, whatever order they were last answered in.
  return Object.fromEntries(quiz.questions.map((q) => [q.id, answers[q.id] ?? null]));
}
