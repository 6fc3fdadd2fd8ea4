/**
 * Fixed values of the quiz format, apart from its schema (model/quiz-schema.ts) so that showing
 * or scoring a compiled quiz loads no zod.
 */

/** Lowest and highest value of every rating question. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** The word an answers file uses for a question the user chose to skip. */
export const SKIP = 'skip';

/** The six RIASEC interest areas O*NET scores every occupation on. */
export const INTEREST_AREAS = [
  'realistic',
  'investigative',
  'artistic',
  'social',
  'enterprising',
  'conventional',
] as const;
