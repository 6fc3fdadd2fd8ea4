/**
 * The one schema every role profile is checked against at load time.
 * Types used across the program are inferred from it, so code and data cannot drift.
 */
import { z } from 'zod';

/**
 * Longest word (run of letters and digits) a text may hold. Real words are far shorter; a
 * 20,000-letter "word" made every search index build quadratic in it. Search looks for typos
 * only in words up to this length (core/search.ts MAX_TYPO_WORD).
 */
export const MAX_WORD_LENGTH = 64;
const LONG_WORD = new RegExp(`[\\p{L}\\p{N}]{${MAX_WORD_LENGTH + 1}}`, 'u');
/** Most entries in one list of a role (aliases, skills, tasks...): real profiles hold < 200. */
export const MAX_LIST_ITEMS = 1000;

/**
 * True when a text holds a run of more than MAX_WORD_LENGTH letters and digits. Most texts are
 * short or plain ASCII: those are scanned by character code (the Unicode regex, tried at every
 * position, cost a second per 1,000 profiles); other text goes to the regex.
 */
export function hasLongWord(value: string): boolean {
  if (value.length <= MAX_WORD_LENGTH) return false;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return LONG_WORD.test(value);
    // 0-9, A-Z, a-z: the letters and digits of ASCII.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++run > MAX_WORD_LENGTH) return true;
    } else run = 0;
  }
  return false;
}

/** A message for a text holding a word longer than MAX_WORD_LENGTH, else undefined. */
function longWord(value: string): string | undefined {
  if (!hasLongWord(value)) return undefined;
  const longest = Math.max(...(value.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.length));
  return `a word of ${longest} letters is too long (the limit is ${MAX_WORD_LENGTH})`;
}

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const message = longWord(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** A list of at most MAX_LIST_ITEMS entries. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(MAX_LIST_ITEMS, {
    error: (issue) =>
      `at most ${MAX_LIST_ITEMS} entries per list (this one has ${(issue.input as unknown[]).length})`,
  });
}
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "data-entry-keyer"');
const socCode = z
  .string()
  .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code such as "43-9021.00"');
const money = z.number().int('must be whole US dollars').nonnegative();
/**
 * Id of an entry in the same profile's `sources` list. Its own schema object (not `slug`): the
 * loader finds every field that names a source by this object (data/roles.ts), so a new sourced
 * field is checked without being listed anywhere.
 */
export const sourceRef = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "data-entry-keyer"');

export const SourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: text.optional(),
  /** Release or reference period, e.g. "May 2024" or "29.2 (February 2025)". */
  period: text,
  license: text.optional(),
  url: z.url().optional(),
  note: text.optional(),
});

export const SkillSchema = z.strictObject({
  name: text,
  /** O*NET importance on its 1–5 scale; absent for skills a source names without a rating. */
  importance: z.number().min(1).max(5).optional(),
  note: text.optional(),
  source: sourceRef,
});

export const TechSchema = z.strictObject({
  name: text,
  category: text,
  /** O*NET "Hot Technology" flag. */
  hot: z.boolean().default(false),
  /** O*NET "In Demand" flag. */
  inDemand: z.boolean().optional(),
  source: sourceRef,
});

/**
 * A check that the figures named, where present, never go down in that order (p10 <= p25 <=
 * median <= p75 <= p90; low <= high): reversed percentiles would be drawn as a range that means
 * nothing. The issue points at the figure out of order, so the error has its line and column.
 */
function checkOrder<K extends string>(keys: readonly K[]) {
  return (value: Partial<Record<K, number>>, ctx: z.RefinementCtx) => {
    let prev: K | undefined;
    for (const key of keys) {
      const v = value[key];
      if (v === undefined) continue;
      const before = prev === undefined ? undefined : value[prev];
      if (prev !== undefined && before !== undefined && v < before)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} (${v}) is below ${prev} (${before}): figures must rise in the order ${keys.join(' <= ')}`,
        });
      prev = key;
    }
  };
}

export const SalarySchema = z
  .strictObject({
    source: sourceRef,
    /** Reference period of the figures, e.g. "May 2024". */
    period: text,
    /** What the figures describe, e.g. the BLS occupation they were published for. */
    label: text,
    socCode: z
      .string()
      .regex(/^\d{2}-\d{4}$/, 'must be a BLS SOC code such as "43-9021"')
      .optional(),
    area: text.default('United States'),
    median: money.optional(),
    mean: money.optional(),
    p10: money.optional(),
    p25: money.optional(),
    p75: money.optional(),
    p90: money.optional(),
    /** A range a source quotes without percentiles, e.g. "$35,000 to $50,000". */
    low: money.optional(),
    high: money.optional(),
    medianHourly: z.number().nonnegative().optional(),
    employment: z.number().int().nonnegative().optional(),
    note: text.optional(),
  })
  .refine(
    (s) =>
      [s.median, s.mean, s.p10, s.p25, s.p75, s.p90, s.low, s.high].some((v) => v !== undefined),
    { message: 'a salary entry needs at least one figure (median, mean, percentile or range)' },
  )
  .superRefine(checkOrder(['p10', 'p25', 'median', 'p75', 'p90']))
  .superRefine(checkOrder(['low', 'high']));

export const TrendPointSchema = z.strictObject({
  period: text,
  median: money,
});

export const SalaryTrendSchema = z.strictObject({
  source: sourceRef,
  label: text,
  points: z.array(TrendPointSchema).min(2),
});

export const CitySchema = z
  .strictObject({
    name: text,
    state: z.string().regex(/^[A-Z]{2}(-[A-Z]{2})*$/, 'must be a state code such as "NY"'),
    /** Metro area id in metros.yaml, when figures for the metro exist. */
    metro: slug.optional(),
    employment: z.number().int().nonnegative().optional(),
    median: money.optional(),
    mean: money.optional(),
    p25: money.optional(),
    p75: money.optional(),
    period: text.optional(),
    /** Sources that name or measure this city. */
    sources: z.array(sourceRef).min(1),
    note: text.optional(),
  })
  .superRefine(checkOrder(['p25', 'median', 'p75']));

export const CertificationSchema = z.strictObject({
  name: text,
  abbreviation: text.optional(),
  issuer: text.optional(),
  source: sourceRef,
});

export const JobZoneSchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  name: text,
  source: sourceRef,
});

/**
 * O*NET's "recommend suppress" flag on a figure (small sample or high relative error): the
 * figure is unreliable, and the card says so. Left out when O*NET does not flag it.
 */
const recommendSuppress = z.literal(true).optional();

export const EducationSchema = z.strictObject({
  summary: text,
  /** Share of workers by required education, from O*NET; shares in percent. */
  levels: z
    .array(z.strictObject({ label: text, share: z.number().min(0).max(100), recommendSuppress }))
    .optional(),
  source: sourceRef,
});

export const StepSchema = z.strictObject({
  step: text,
  source: sourceRef,
  /** The step rests on a figure O*NET flags "recommend suppress" (see `recommendSuppress`). */
  recommendSuppress,
});

export const RelatedRoleSchema = z.strictObject({
  id: slug,
  reason: text.optional(),
});

/** O*NET's tiers of related occupations: ranks 1–5, 6–10 and 11–20 of its 20. */
export const ONET_TIERS = ['Primary-Short', 'Primary-Long', 'Supplemental'] as const;

/**
 * O*NET's related occupations of the role's code that have a profile here, in O*NET's order:
 * each with O*NET's rank (1–20) and tier. Facts only (no reasons: those are in `relatedRoles`).
 */
export const OnetRelatedSchema = z.strictObject({
  roles: z
    .array(
      z.strictObject({
        id: slug,
        rank: z.number().int().min(1).max(20),
        tier: z.enum(ONET_TIERS),
      }),
    )
    .min(1)
    .max(20),
  source: sourceRef,
});

export const InterestsSchema = z.strictObject({
  /** RIASEC occupational interest scores, O*NET scale 1–7. */
  realistic: z.number().min(1).max(7),
  investigative: z.number().min(1).max(7),
  artistic: z.number().min(1).max(7),
  social: z.number().min(1).max(7),
  enterprising: z.number().min(1).max(7),
  conventional: z.number().min(1).max(7),
  source: sourceRef,
});

export const WorkStyleSchema = z.strictObject({
  name: text,
  importance: z.number().min(1).max(5),
  source: sourceRef,
});

/** Search vocabulary: single words about the job, e.g. taken from O*NET task statements. */
export const KeywordsSchema = z.strictObject({
  words: z
    .array(
      z
        .string()
        .regex(/^\S+$/, 'must be a single word')
        .max(MAX_WORD_LENGTH, `a word may have at most ${MAX_WORD_LENGTH} letters`),
    )
    .max(10 * MAX_LIST_ITEMS)
    .min(1),
  sources: z.array(sourceRef).min(1),
});

export const RoleSchema = z.strictObject({
  id: slug,
  title: text,
  /** Official O*NET occupation title, when the role is one O*NET occupation. */
  onetTitle: text.optional(),
  socCodes: z.array(socCode).min(1),
  summary: text,
  /**
   * A front-office job that faces customers (tellers, customer service, reception), included to
   * contrast with the back office roles.
   */
  frontOffice: z.boolean().default(false),
  /** Lay and abbreviated names people type, written by the project. */
  aliases: list(text).default([]),
  /**
   * O*NET's alternate and reported titles of the role's codes (source onet-occupation), kept
   * apart from the hand-written `aliases`.
   */
  onetTitles: list(text).default([]),
  /**
   * O*NET titles of obsolete machines and trades ("Card Puncher"): still searchable, at a lower
   * weight, and labelled as historic when they match.
   */
  historicTitles: list(text).default([]),
  skills: list(SkillSchema).default([]),
  tasks: list(text).default([]),
  /** Words `search` also looks in, at the lowest weight; `show` does not print them. */
  keywords: KeywordsSchema.optional(),
  software: list(TechSchema).default([]),
  tools: list(TechSchema).default([]),
  salary: list(SalarySchema).default([]),
  salaryTrend: SalaryTrendSchema.optional(),
  jobZone: JobZoneSchema.optional(),
  education: EducationSchema.optional(),
  certifications: list(CertificationSchema).default([]),
  howToBecome: list(StepSchema).default([]),
  industries: list(text).default([]),
  cities: list(CitySchema).default([]),
  relatedRoles: list(RelatedRoleSchema).default([]),
  onetRelated: OnetRelatedSchema.optional(),
  interests: InterestsSchema.optional(),
  workStyles: list(WorkStyleSchema).default([]),
  sources: z.array(SourceSchema).min(1),
});

export const MetroSchema = z.strictObject({
  id: slug,
  name: text,
  /** Official BLS metro area name for the period, e.g. "New York-Newark-Jersey City, NY-NJ". */
  blsName: text,
  areaCode: z.string().regex(/^\d{5}$/),
  state: z.string().regex(/^[A-Z]{2}(-[A-Z]{2})*$/),
  /** Other names people type for the metro, e.g. "NYC". */
  aliases: z.array(text).default([]),
  rpp: z.array(z.strictObject({ year: z.number().int(), value: z.number().positive() })).min(1),
  source: text,
});

export const MetrosFileSchema = z.strictObject({
  metros: z.array(MetroSchema),
});

export type Source = z.infer<typeof SourceSchema>;
export type Skill = z.infer<typeof SkillSchema>;
export type Tech = z.infer<typeof TechSchema>;
export type Salary = z.infer<typeof SalarySchema>;
export type SalaryTrend = z.infer<typeof SalaryTrendSchema>;
export type City = z.infer<typeof CitySchema>;
export type Role = z.infer<typeof RoleSchema>;
export type OnetTier = (typeof ONET_TIERS)[number];
export type Metro = z.infer<typeof MetroSchema>;
