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
  /**
   * Title groups defined in this file; read from the share of a role's O*NET alternate job titles
   * that name the group (e.g. "Litigation Paralegal" names law).
   */
  titles: z.record(slug, weight).optional(),
  /** Role ids, for the rare answer the role data cannot express. */
  roles: z.record(slug, weight).optional(),
  /** Preparation needed: the role's O*NET job zone (1–5). */
  jobZone: weight.optional(),
  /** Pay: the role's national median salary. */
  salary: weight.optional(),
  /** Education: the share of O*NET respondents who say the job needs a bachelor's degree or more. */
  education: weight.optional(),
});

/**
 * What an answer rules out: a role that fails any part is not ranked among the roles that meet
 * the user's requirements, and the result says which part it failed and why.
 */
export const RequirementSchema = z.strictObject({
  /** The role's national median pay must be at least this many US dollars a year. */
  minSalary: z.number().int().positive().optional(),
  /** The role's O*NET job zone (preparation needed, 1–5) must be at most this. */
  maxJobZone: z.number().int().min(1).max(5).optional(),
  /** O*NET skill importance (1–5) must stay below these values. */
  maxSkills: z.record(text, z.number().min(1).max(5)).optional(),
  /** The share (0–1) of the role's O*NET job titles in these title groups must stay below this. */
  maxTitles: z.record(slug, z.number().min(0).max(1)).optional(),
  /** The share (0–100) of respondents saying the job needs a bachelor's or more must stay below. */
  maxDegreeShare: z.number().min(0).max(100).optional(),
});

const choiceId = slug.refine((id) => id !== SKIP, `"${SKIP}" is reserved for skipped questions`);

export const ChoiceSchema = z.strictObject({
  id: choiceId,
  label: text,
  weights: WeightsSchema.default({}),
  /** What choosing this rules out, e.g. a pay floor. */
  requires: RequirementSchema.optional(),
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

export const TitleGroupSchema = z.strictObject({
  /** How the group reads in an explanation, e.g. "law and courts". */
  label: text,
  /**
   * Words or phrases looked for in a role's O*NET alternate titles, as whole words ("law" does not
   * match "lawn"); a trailing * matches any ending ("paralegal*", "purchas*").
   */
  keywords: z.array(text).min(1),
});

export const QuizFileSchema = z.strictObject({
  title: text,
  /** Shown before the first question. */
  intro: text,
  titles: z.record(slug, TitleGroupSchema).default({}),
  questions: z.array(QuestionSchema).min(1),
});

export type Weights = z.infer<typeof WeightsSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type RatingQuestion = z.infer<typeof RatingQuestionSchema>;
export type TitleGroup = z.infer<typeof TitleGroupSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type Quiz = z.infer<typeof QuizFileSchema>;
export type InterestArea = (typeof INTEREST_AREAS)[number];
