/**
 * The JSON contract: the shape of every command's `--json` document, as zod schemas.
 *
 * Commands build their data with the types inferred here; `renderJson` adds the envelope
 * (`schemaVersion`, `currency`); `npm run schemas` writes the same schemas as JSON Schema files
 * to schema/*.schema.json, and a test fails when those files and this module disagree. Roles are
 * described by RoleSchema, the schema the loader checks data files against, so they cannot drift.
 *
 * To add a command's output: define its data schema below, add it to OUTPUTS, run
 * `npm run schemas`, and if an existing shape changed bump SCHEMA_VERSION (model/json.ts).
 * (Over 400 lines on purpose: the whole contract reads in one place, one short schema per
 * command, and splitting it would scatter what scripts must agree on.)
 */
import { z } from 'zod';
import { ONET_TIERS, RoleSchema, SourceSchema } from '../model/schema.js';
import { SCHEMA_VERSION } from '../model/json.js';
import { SEARCH_FIELDS } from './search/index.js';
import { RequirementSchema, WeightsSchema } from '../model/quiz-schema.js';

const count = z.number().int().nonnegative();
/** Whole US dollars. */
const usd = z.number().int().nonnegative();
const matchedFields = [...new Set(Object.values(SEARCH_FIELDS).map((f) => f.label))];

export const SearchData = z.strictObject({
  query: z.string(),
  /** Posting qualifiers parsed out of the query and not matched ("Part-Time", "Sr."). */
  qualifiers: z.array(z.string()),
  /** Set when the query names a job outside the catalogue; results are then the closest roles. */
  outOfScope: z.strictObject({ code: z.string(), title: z.string() }).optional(),
  results: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      /** Relevance from 0 to 1. */
      score: z.number().min(0).max(1),
      matched: z.strictObject({ field: z.enum(matchedFields), value: z.string() }),
      /** Query words the data does not know, bridged through WordNet ("paymaster → wages"). */
      bridged: z.array(z.string()),
      /** "low" when only generic words of the query matched ("operator"). */
      confidence: z.enum(['high', 'low']),
      medianSalary: usd.nullable(),
    }),
  ),
});

/** One row of a role's cities table, with the median adjusted for local prices. */
export const CityRowSchema = z.strictObject({
  name: z.string(),
  state: z.string(),
  employment: count.optional(),
  median: usd.optional(),
  p25: usd.optional(),
  p75: usd.optional(),
  /** Median ÷ (regional price parity / 100), rounded. */
  adjusted: usd.optional(),
  rppYear: z.number().int().optional(),
  note: z.string().optional(),
  /** Titles of roles whose sources name this metro without figures (e.g. the seed profiles). */
  namedBy: z.array(z.string()),
});

export const ShowData = z.strictObject({ role: RoleSchema, cities: z.array(CityRowSchema) });

/** The rows of the `list` table; `export` gives whole profiles. */
export const ListData = z.strictObject({
  count,
  roles: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      /** National annual median of the role's headline salary source. */
      medianSalary: usd.nullable(),
      /** Reference period of that median, e.g. "May 2024". */
      salaryPeriod: z.string().nullable(),
      /** O*NET job zone, the preparation a job needs (1–5). */
      jobZone: z.number().int().min(1).max(5).nullable(),
    }),
  ),
});

export const AboutData = z.strictObject({
  version: z.string(),
  dataDir: z.string(),
  roles: count,
  sources: z.array(SourceSchema.extend({ roleCount: count })),
  metroSource: z.string().nullable(),
});

/** A role with only the fields asked for (`--fields`); `id` is always there. */
export const PartialRoleSchema = RoleSchema.partial().required({ id: true });

export const ExportData = z.strictObject({
  count,
  /** The role fields each exported role carries. */
  fields: z.array(z.enum(Object.keys(RoleSchema.shape) as [keyof typeof RoleSchema.shape])),
  roles: z.array(PartialRoleSchema),
});

export const ComparedRoleSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  /** The role's headline (national) salary entry, or null when it has none. */
  salary: z
    .strictObject({
      label: z.string(),
      period: z.string(),
      median: usd.optional(),
      p10: usd.optional(),
      p25: usd.optional(),
      p75: usd.optional(),
      p90: usd.optional(),
      low: usd.optional(),
      high: usd.optional(),
    })
    .nullable(),
  jobZone: z.strictObject({ level: z.number().int().min(1).max(5), name: z.string() }).nullable(),
  education: z
    .strictObject({
      summary: z.string(),
      /** The education level the largest share of workers reported (O*NET), when known. */
      mostCommon: z
        .strictObject({
          label: z.string(),
          share: z.number(),
          /** O*NET flags the share "recommend suppress": small sample or high error. */
          recommendSuppress: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
  /** The most important skills, highest first. */
  topSkills: z.array(z.strictObject({ name: z.string(), importance: z.number().nullable() })),
  certifications: z.array(z.string()),
  software: z.strictObject({
    count,
    /** Software no other compared role lists. */
    unique: z.array(z.string()),
  }),
});

export const CompareData = z.strictObject({
  roles: z.array(ComparedRoleSchema).min(2).max(4),
  /** Software every compared role lists. */
  sharedSoftware: z.array(z.string()),
});

const zone = z.number().int().min(1).max(5).nullable();
/** Whole US dollars; may be negative (a change). */
const usdChange = z.number().int().nullable();

export const StepViewSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  /** Difference of the two national medians (to − from). */
  payChange: usdChange,
  zoneFrom: zone,
  zoneTo: zone,
});

export const PathData = z.strictObject({
  path: z.strictObject({
    role: z.string(),
    incoming: z.array(StepViewSchema),
    /** Every ladder up from the role, depth-first; each a list of consecutive steps. */
    ladders: z.array(z.array(StepViewSchema)),
    /** Why the role is the top of its ladder in the data (paths.yaml `tops`); null when not stated. */
    top: z.string().nullable(),
  }),
});

export const GapData = z.strictObject({
  gap: z.strictObject({
    from: z.string(),
    to: z.string(),
    skills: z.array(
      z.strictObject({
        name: z.string(),
        /** null: not among the first role's listed skills (O*NET importance under 3). */
        from: z.number().nullable(),
        to: z.number(),
        rise: z.number(),
      }),
    ),
    software: z.array(z.strictObject({ name: z.string(), category: z.string(), hot: z.boolean() })),
    tools: z.array(z.string()),
    certifications: z.array(z.string()),
    jobZone: z.strictObject({ from: zone, to: zone }),
    education: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }),
    payChange: usdChange,
    firstThree: z.array(z.string()).max(3),
  }),
});

export const SimilarData = z.strictObject({
  role: z.string(),
  similar: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      score: z.number().min(0).max(1),
      /** Null when either role has no O*NET skill ratings. */
      skills: z.number().min(0).max(1).nullable(),
      software: z.number().min(0).max(1),
      /** How O*NET relates the two (null when neither role's list names the other). */
      relation: z
        .strictObject({
          strength: z.number().min(0).max(1),
          rank: z.number().int().min(1).max(20).nullable(),
          tier: z.enum(ONET_TIERS).nullable(),
          via: z.enum(['onet', 'onet-reverse', 'profile']),
          text: z.string(),
        })
        .nullable(),
      sharedSkills: z.array(z.string()),
      sharedSoftware: z.array(z.string()),
    }),
  ),
});

export const SchemaListData = z.strictObject({
  schemas: z.array(z.strictObject({ name: z.string(), file: z.string(), description: z.string() })),
});

/** One problem found in a data file; line and column are 1-based and absent when unknown. */
export const ProblemSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  col: z.number().int().positive().optional(),
  /** The field path inside the document, e.g. "salary.0.median"; "" for the file as a whole. */
  path: z.string(),
  message: z.string(),
});

export const ValidateData = z.strictObject({
  /** True when no problem was found. */
  valid: z.boolean(),
  /** How many files were read. */
  files: count,
  problems: z.array(ProblemSchema),
});

export type SearchData = z.infer<typeof SearchData>;
export type CityRow = z.infer<typeof CityRowSchema>;
export type ShowData = z.infer<typeof ShowData>;
export type ListData = z.infer<typeof ListData>;
export type AboutData = z.infer<typeof AboutData>;
export type ExportData = z.infer<typeof ExportData>;
export type ComparedRole = z.infer<typeof ComparedRoleSchema>;
export type CompareData = z.infer<typeof CompareData>;
export type SchemaListData = z.infer<typeof SchemaListData>;
export type PathData = z.infer<typeof PathData>;
export type GapData = z.infer<typeof GapData>;
export type SimilarData = z.infer<typeof SimilarData>;
export type ValidateData = z.infer<typeof ValidateData>;

/** What every JSON document carries besides its data (added by renderJson). */
const envelope = {
  schemaVersion: z.literal(SCHEMA_VERSION),
  currency: z.literal('USD'),
};

const AnswerValueSchema = z.union([z.string(), z.array(z.string()), z.number().int(), z.null()]);

/** The data of `careers quiz --questions --json`. */
export const QuizQuestionsData = z.strictObject({
  title: z.string(),
  questions: z.array(
    z.strictObject({
      id: z.string(),
      type: z.enum(['single', 'multi', 'rating']),
      text: z.string(),
      help: z.string().optional(),
      choices: z
        .array(
          z.strictObject({
            id: z.string(),
            label: z.string(),
            weights: WeightsSchema,
            /** What choosing it rules out (a pay floor, a preparation ceiling, ...). */
            requires: RequirementSchema.optional(),
          }),
        )
        .optional(),
      scale: z
        .strictObject({ min: z.number(), max: z.number(), low: z.string(), high: z.string() })
        .optional(),
      weights: WeightsSchema.optional(),
    }),
  ),
});

/** The data of `careers quiz --json`: every role ranked, with every contribution. */
export const QuizResultData = z.strictObject({
  quiz: z.string(),
  /** The answers scored, by question id; null = skipped. */
  answers: z.record(z.string(), AnswerValueSchema),
  /** Said instead of a ranking (everything skipped), or when no role meets the requirements. */
  note: z.string().nullable(),
  /** The requirements the answers state: each rules out the roles that fail it. */
  requirements: z.array(
    z.strictObject({ questionId: z.string(), answer: z.string(), text: z.string() }),
  ),
  /** How many roles meet every requirement; they are ranked first. */
  meeting: z.number().int().min(0),
  /** Empty when there is nothing to match on (see note). */
  results: z.array(
    z.strictObject({
      rank: z.number().int().min(1),
      id: z.string(),
      title: z.string(),
      /** 0–100; 50 is an average role for these answers. */
      score: z.number().int().min(0).max(100),
      /** National annual median, whole US dollars; null when the role has none. */
      medianSalary: z.number().int().nullable(),
      salaryPeriod: z.string().nullable(),
      meetsRequirements: z.boolean(),
      /** The requirements this role fails, each with the figure that fails it. */
      unmet: z.array(
        z.strictObject({ questionId: z.string(), requirement: z.string(), reason: z.string() }),
      ),
      /** Question ids of the answers shown as "why", strongest first. */
      why: z.array(z.string()),
      command: z.string(),
      contributions: z.array(
        z.strictObject({
          questionId: z.string(),
          question: z.string(),
          answer: z.string(),
          /** Score points this answer added (negative: took away). */
          points: z.number(),
          /** The answer and the data behind the points, as a sentence. */
          because: z.string(),
          parts: z.array(
            z.strictObject({
              kind: z.string(),
              name: z.string(),
              label: z.string(),
              roleValue: z.string(),
              /** The role's figure as a clause, e.g. "O*NET Conventional interest is 6.97 of 7". */
              fact: z.string(),
              weight: z.number(),
              points: z.number(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export type QuizQuestionsData = z.infer<typeof QuizQuestionsData>;
export type QuizResultData = z.infer<typeof QuizResultData>;

/** The whole JSON documents of the quiz, envelope included (tests parse output with them). */
export const QuizQuestionsOutputSchema = z.strictObject({
  ...envelope,
  ...QuizQuestionsData.shape,
});
export const QuizResultOutputSchema = z.strictObject({ ...envelope, ...QuizResultData.shape });

/** `careers --version --json`. */
export const VersionData = z.strictObject({
  /** The package version (semver), as `careers --version` prints it. */
  version: z.string(),
});

interface OutputEntry {
  description: string;
  schema: z.ZodType;
  /** 'input' for data files (fields with defaults may be left out); default 'output'. */
  io?: 'input' | 'output';
}

function document(description: string, data: z.ZodObject): OutputEntry {
  return { description, schema: z.strictObject({ ...envelope, ...data.shape }) };
}

/** Every published schema by name; `careers schema <name>` prints one. */
export const OUTPUTS: Record<string, OutputEntry> = {
  search: document('careers search <query> --json', SearchData),
  show: document('careers show <role> --json', ShowData),
  list: document('careers list --json', ListData),
  about: document('careers about --json', AboutData),
  export: document('careers export --format json', ExportData),
  compare: document('careers compare <role> <role>... --json', CompareData),
  schemas: document('careers schema --json (the list of schemas)', SchemaListData),
  path: document('careers path <role> --json', PathData),
  gap: document('careers gap <from> <to> --json', GapData),
  similar: document('careers similar <role> --json', SimilarData),
  validate: document('careers validate [dir|file...] --json', ValidateData),
  version: document('careers --version --json', VersionData),
  quiz: { description: 'careers quiz --answers <file> --json', schema: QuizResultOutputSchema },
  'quiz-questions': {
    description: 'careers quiz --questions --json',
    schema: QuizQuestionsOutputSchema,
  },
  role: {
    description: 'a role profile, as in data/roles/*.yaml or one document of an exported YAML file',
    schema: RoleSchema,
    io: 'input',
  },
};

/** Names of the published schemas, in a stable order. */
export function schemaNames(): string[] {
  return Object.keys(OUTPUTS).sort();
}

/** File name of a schema inside the package's schema/ directory. */
export function schemaFile(name: string): string {
  return `${name}.schema.json`;
}

/** The JSON Schema (draft 2020-12) for one named output. */
export function jsonSchema(name: string): Record<string, unknown> {
  const entry = OUTPUTS[name];
  if (!entry) throw new Error(`no schema named "${name}"`);
  const generated = z.toJSONSchema(entry.schema, { io: entry.io ?? 'output' });
  const { $schema, ...rest } = generated;
  return { $schema, title: `backoffice-careers ${name}`, description: entry.description, ...rest };
}

/** One schema as the text of its file (what `careers schema <name>` prints). */
export function schemaText(name: string): string {
  return JSON.stringify(jsonSchema(name), null, 2) + '\n';
}

/** Every schema file as it should be on disk: file name and text. */
export function schemaFiles(): Array<{ file: string; text: string }> {
  return schemaNames().map((name) => ({ file: schemaFile(name), text: schemaText(name) }));
}
