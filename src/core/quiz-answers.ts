/**
 * Quiz answers: their types, their wording, and checking raw answers (from a file or JSON)
 * against the questions. Pure functions.
 */
import type { Choice, Question, Quiz } from '../model/quiz-schema.js';
import { RATING_MAX, RATING_MIN, SKIP } from '../model/quiz-constants.js';
import { UsageError } from '../errors.js';

/** One answer: a choice id, choice ids, a rating, or null when the question was skipped. */
export type AnswerValue = string | string[] | number | null;
/** Answers by question id, in the quiz's question order. */
export type Answers = Record<string, AnswerValue>;

/** The answer in the words the user saw. */
export function answerText(q: Question, value: AnswerValue): string {
  if (value === null) return 'skipped';
  if (q.type === 'rating') return `${String(value)} of ${RATING_MAX}`;
  const labels = pickedChoices(q, value).map((c) => c.label);
  return labels.length > 0 ? labels.join('; ') : 'none';
}

/** The choices an answer picked: none for a skipped or a rating question. */
export function pickedChoices(q: Question, value: AnswerValue): Choice[] {
  if (value === null || q.type === 'rating') return [];
  const ids = Array.isArray(value) ? value : [value as string];
  return q.choices.filter((c) => ids.includes(c.id));
}

/** Turns raw answers (from YAML or JSON) into checked answers; every problem names its question. */
export function checkAnswers(
  quiz: Quiz,
  input: unknown,
): { answers: Answers; problems: string[]; missing: string[] } {
  const problems: string[] = [];
  /** Questions the input leaves out: counted as skipped (the caller says so). */
  const missing: string[] = [];
  const answers: Answers = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      answers,
      problems: ['expected a mapping of question id to answer, e.g. "reconcile: 4"'],
      missing,
    };
  }
  const given = input as Record<string, unknown>;
  const ids = new Set(quiz.questions.map((q) => q.id));
  for (const key of Object.keys(given)) {
    if (!ids.has(key)) problems.push(`unknown question "${key}" (see: careers quiz --questions)`);
  }
  for (const q of quiz.questions) {
    const problem = (msg: string) => problems.push(`question "${q.id}": ${msg}`);
    if (!(q.id in given)) {
      answers[q.id] = null;
      missing.push(q.id);
      continue;
    }
    const value = given[q.id];
    if (value === null || value === SKIP) {
      answers[q.id] = null;
      continue;
    }
    if (q.type === 'rating') {
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < RATING_MIN ||
        value > RATING_MAX
      ) {
        problem(`${JSON.stringify(value)} is not a rating from ${RATING_MIN} to ${RATING_MAX}`);
      } else answers[q.id] = value;
      continue;
    }
    const choiceIds = q.choices.map((c) => c.id);
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    if (q.type === 'single' && list.length !== 1) {
      problem(`pick exactly one of ${choiceIds.join(', ')}`);
      continue;
    }
    const unknown = list.filter((v) => typeof v !== 'string' || !choiceIds.includes(v));
    if (unknown.length > 0) {
      problem(
        `${unknown.map((v) => JSON.stringify(v)).join(', ')} is not a choice; choices: ${choiceIds.join(', ')}`,
      );
      continue;
    }
    const picked = [...new Set(list as string[])];
    answers[q.id] = q.type === 'single' ? (picked[0] as string) : picked;
  }
  return { answers, problems, missing };
}

/**
 * Checked answers, or a UsageError naming every bad question (`where` prefixes the message).
 * Questions the input leaves out count as skipped; `onMissing` is told which (to say so).
 */
export function parseAnswers(
  quiz: Quiz,
  input: unknown,
  where: string,
  onMissing?: (ids: string[]) => void,
): Answers {
  const { answers, problems, missing } = checkAnswers(quiz, input);
  if (problems.length === 1) throw new UsageError(`${where}: ${problems[0] ?? ''}`);
  if (problems.length > 1)
    throw new UsageError(
      `${where}: ${problems.length} problems with the answers`,
      problems.map((p) => `  ${p}`),
    );
  if (missing.length > 0) onMissing?.(missing);
  return answers;
}

/** The answers as a file `--answers` can replay: skipped questions written as "skip". */
export function answersForFile(quiz: Quiz, answers: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of quiz.questions) {
    if (q.id in answers) out[q.id] = answers[q.id] ?? SKIP;
  }
  return out;
}
