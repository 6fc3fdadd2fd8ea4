/**
 * The search vocabulary (data/synonyms.yaml): abbreviations and synonym groups, validated like
 * every other data file. A data directory without its own file uses the built-in one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DataError, type DataProblem } from '../errors.js';
import { BUILT_IN_DATA_DIR } from './dirs.js';
import { readValidated } from './yaml.js';

const phrase = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.toLowerCase());

export const SynonymsSchema = z.strictObject({
  /** A short form and what it stands for, e.g. asst: [assistant]. */
  abbreviations: z
    .record(z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word'), z.array(phrase).min(1))
    .default({}),
  /** Groups of words or phrases that are interchangeable in a job title. */
  synonyms: z
    .array(z.array(phrase).min(2, 'a synonym group needs at least two entries'))
    .default([]),
});

export type Synonyms = z.infer<typeof SynonymsSchema>;

export const NO_SYNONYMS: Synonyms = { abbreviations: {}, synonyms: [] };

/** Checks a synonyms file against the schema; problems go to `problems`. */
export function checkSynonyms(file: string, problems: DataProblem[]): Synonyms | undefined {
  return readValidated(file, SynonymsSchema, problems)?.value;
}

/**
 * Loads `synonyms.yaml` from a data directory, else the built-in one (`builtIn`, when given: the
 * built-in synonyms as the build validated them); throws DataError if invalid.
 */
export function loadSynonyms(dataDir: string, builtIn?: Synonyms): Synonyms {
  const own = join(dataDir, 'synonyms.yaml');
  if (builtIn && !existsSync(own)) return builtIn;
  const file = existsSync(own) ? own : join(BUILT_IN_DATA_DIR, 'synonyms.yaml');
  if (!existsSync(file)) return NO_SYNONYMS;
  const problems: DataProblem[] = [];
  const value = checkSynonyms(file, problems);
  if (!value)
    throw new DataError(`${problems.length} problem(s) in ${problems[0]?.file ?? file}`, problems);
  return value;
}
