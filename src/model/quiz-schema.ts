/**
 * The schema data/quiz.yaml is checked against at load time: questions, their choices, and the
 * weights each answer gives to role attributes. Types used by the scoring are inferred from it.
 */
import { z } from 'zod';
import { INTEREST_AREAS, SKIP } from './quiz-constants.js';

export { INTEREST_AREAS, RATING_MAX, RATING_MIN, SKIP } from './quiz-constants.js';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "reconcile"');

const weight = z.number().min(-5).max(5);
const named = z.record(text, weight);

/**
 * What an answer says about the roles that fit, grouped by the part of the role data it reads.
 * Positive weights favour roles above the average on that attribute, negative ones roles below.
 */
export const WeightsSchema = z.strictObject({
  /** O*NET skill names, e.g. "Mathematics"; read from each role's skill importance. */
  skills: named.optional(),
  /** O*NET work style names, e.g. "Attention to Detail". */
  workStyles: named.optional(),
  /** RIASEC interest areas, read from each role's O*NET interest scores. */
  interests: z.partialRecord(z.enum(INTEREST_AREAS), weight).optional(),
  /** Software categories, e.g. "Spreadsheet software"; read from each role's software list. */
  software: named.optional(),
  /** Task themes defined in this file; read from each role's summary and tasks. */
  themes: z.record(slug, weight).optional(),
  /** Role ids, for the rare answer the role data cannot express. */
  roles: z.record(slug, weight).optional(),
  /** Preparation needed: the role's O*NET job zone (1–5). */
  jobZone: weight.optional(),
  /** Pay: the role's national median salary. */
  salary: weight.optional(),
});

const choiceId = slug.refine((id) => id !== SKIP, `"${SKIP}" is reserved for skipped questions`);

export const ChoiceSchema = z.strictObject({
  id: choiceId,
  label: text,
  weights: WeightsSchema.default({}),
});

const common = {
  id: slug,
  text,
  /** One more line shown under the question. */
  help: text.optional(),
};

export const SingleQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('single'),
  choices: z.array(ChoiceSchema).min(2),
});

export const MultiQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('multi'),
  choices: z.array(ChoiceSchema).min(2),
});

export const RatingQuestionSchema = z.strictObject({
  ...common,
  type: z.literal('rating'),
  /** What the lowest and the highest rating mean, e.g. "not at all" and "very much". */
  low: text,
  high: text,
  /** Applied in full at the top of the scale, negated at the bottom, not at all in the middle. */
  weights: WeightsSchema,
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultiQuestionSchema,
  RatingQuestionSchema,
]);

export const ThemeSchema = z.strictObject({
  /** How the theme reads in an explanation, e.g. "working with figures". */
  label: text,
  /** Word starts looked for in a role's summary and tasks, e.g. "calculat", "invoice". */
  keywords: z.array(text).min(1),
});

export const QuizFileSchema = z.strictObject({
  title: text,
  /** Shown before the first question. */
  intro: text,
  themes: z.record(slug, ThemeSchema).default({}),
  questions: z.array(QuestionSchema).min(1),
});

export type Weights = z.infer<typeof WeightsSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type RatingQuestion = z.infer<typeof RatingQuestionSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Quiz = z.infer<typeof QuizFileSchema>;
export type InterestArea = (typeof INTEREST_AREAS)[number];
