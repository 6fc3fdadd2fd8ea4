/**
 * Quiz scoring: pure functions from (quiz, answers, roles) to a ranked list of roles, each with
 * the contribution of every answer, so the explanation is read from the same numbers as the score.
 *
 * How a score is made:
 * 1. Each weight in quiz.yaml names a role attribute (a skill, work style, RIASEC interest,
 *    software category, task theme, role id, job zone or salary). Every role gets a value for it
 *    between 0 and 1 from its own data, e.g. skill importance 3.38 on O*NET's 1–5 scale → 0.6.
 * 2. Values are centred on the average over all roles that have such data, so an answer moves a
 *    role up only where the role stands out. A role without that kind of data (say, no O*NET
 *    interest scores) sits at the average: the answer neither helps nor hurts it.
 * 3. An answer's raw contribution to a role is Σ weight × factor × (value − average), where the
 *    factor is 1 for a chosen choice and (rating − 3) / 2 for a rating, from −1 to +1.
 * 4. Scores run from 0 to 100: 50 + 50 × Σ contributions / Σ over answers of the largest
 *    |contribution| any role gets from that answer. So 50 is an average role, 100 a role that is
 *    the best fit on every answer. Each answer's share is reported in the same points.
 * Ties keep the catalog's order (role files sorted by name).
 *
 * (Over 400 lines: the steps above and the readers of every kind of role attribute they score
 * belong together; splitting them would scatter one formula over several files.)
 */
import type { Role } from '../model/schema.js';
import type { Question, Quiz, Weights } from '../model/quiz-schema.js';
import { INTEREST_AREAS, RATING_MAX, RATING_MIN, SKIP } from '../model/quiz-constants.js';
import { headlineSalary } from '../model/catalog.js';
import { UsageError } from '../errors.js';
import { money, plural } from '../text.js';

/** One answer: a choice id, choice ids, a rating, or null when the question was skipped. */
export type AnswerValue = string | string[] | number | null;
/** Answers by question id, in the quiz's question order. */
export type Answers = Record<string, AnswerValue>;

/** A role attribute a weight refers to. */
export interface Attribute {
  kind: keyof Weights;
  /** Skill, work style, interest area, software category, theme or role id; "" for the rest. */
  name: string;
}

/** How one attribute of one role moved the score for one answer. */
export interface AttributePart {
  kind: Attribute['kind'];
  name: string;
  /** Human wording, e.g. "Mathematics skill". */
  label: string;
  /** The role's own figure, e.g. "importance 3.38 of 5", or "no data". */
  roleValue: string;
  /** Weight × rating factor from the answer. */
  weight: number;
  points: number;
}

/** How one answer moved one role's score, in score points (positive = better fit). */
export interface Contribution {
  questionId: string;
  question: string;
  /** The answer as the user saw it, e.g. "Numbers and figures" or "5 of 5". */
  answer: string;
  points: number;
  /** The attributes behind the points, largest effect first. */
  parts: AttributePart[];
}

export interface RankedRole {
  rank: number;
  role: Role;
  /** 0–100; 50 is an average role for these answers. */
  score: number;
  /** Every answered question's contribution, largest first. */
  contributions: Contribution[];
}

/** Reads the weights as a flat list of (attribute, weight). */
export function weightList(weights: Weights): Array<Attribute & { weight: number }> {
  const list: Array<Attribute & { weight: number }> = [];
  for (const kind of [
    'skills',
    'workStyles',
    'interests',
    'software',
    'themes',
    'roles',
  ] as const) {
    for (const [name, weight] of Object.entries(weights[kind] ?? {})) {
      if (weight !== undefined) list.push({ kind, name, weight });
    }
  }
  if (weights.jobZone !== undefined)
    list.push({ kind: 'jobZone', name: '', weight: weights.jobZone });
  if (weights.salary !== undefined) list.push({ kind: 'salary', name: '', weight: weights.salary });
  return list;
}

/** True when `keyword` starts a word somewhere in `text` (both compared in lower case). */
function startsWord(text: string, keyword: string): boolean {
  const k = keyword.toLowerCase();
  let i = text.indexOf(k);
  while (i >= 0) {
    if (i === 0 || !/[a-z0-9]/.test(text[i - 1] ?? '')) return true;
    i = text.indexOf(k, i + 1);
  }
  return false;
}

/** How many of a role's summary and task lines mention a theme. */
export function themeMatches(role: Role, keywords: string[]): number {
  const lines = [role.summary, ...role.tasks].map((l) => l.toLowerCase());
  return lines.filter((line) => keywords.some((k) => startsWord(line, k))).length;
}

/** A role's value for an attribute (0–1) with its wording, or undefined when it has no data. */
interface Reading {
  value: number;
  shown: string;
}

type Reader = (role: Role) => Reading | undefined;

const fixed = (n: number) => String(Math.round(n * 100) / 100);

/** Builds the function that reads one attribute from a role. */
function reader(quiz: Quiz, attr: Attribute, roles: Role[]): { label: string; read: Reader } {
  const { kind, name } = attr;
  switch (kind) {
    case 'skills':
      return {
        label: `${name} skill`,
        read: (role) => {
          if (!role.skills.some((s) => s.importance !== undefined)) return undefined;
          const imp = role.skills.find((s) => s.name === name)?.importance;
          return imp === undefined
            ? { value: 0, shown: 'under 3/5' }
            : { value: (imp - 1) / 4, shown: `${fixed(imp)}/5` };
        },
      };
    case 'workStyles':
      return {
        label: `${name} work style`,
        read: (role) => {
          if (role.workStyles.length === 0) return undefined;
          const imp = role.workStyles.find((w) => w.name === name)?.importance;
          return imp === undefined
            ? { value: 0, shown: 'not rated' }
            : { value: (imp - 1) / 4, shown: `${fixed(imp)}/5` };
        },
      };
    case 'interests':
      return {
        label: `${name} interest`,
        read: (role) => {
          const score = role.interests?.[name as (typeof INTEREST_AREAS)[number]];
          return score === undefined
            ? undefined
            : { value: (score - 1) / 6, shown: `${fixed(score)}/7` };
        },
      };
    case 'software':
      return {
        label: `${name}`,
        read: (role) => {
          if (role.software.length === 0) return undefined;
          const n = role.software.filter((s) => s.category === name).length;
          return { value: Math.min(n, 3) / 3, shown: `${n} listed` };
        },
      };
    case 'themes': {
      const theme = quiz.themes[name];
      return {
        label: `tasks on ${theme?.label ?? name}`,
        read: (role) => {
          if (!theme || role.tasks.length === 0) return undefined;
          const n = themeMatches(role, theme.keywords);
          return { value: Math.min(n, 3) / 3, shown: plural(n, 'mention') };
        },
      };
    }
    case 'roles':
      return {
        label: `named for this answer in the quiz data`,
        read: (role) => ({
          value: role.id === name ? 1 : 0,
          shown: role.id === name ? 'this role' : 'another role',
        }),
      };
    case 'jobZone':
      return {
        label: 'preparation',
        read: (role) =>
          role.jobZone
            ? { value: (role.jobZone.level - 1) / 4, shown: `job zone ${role.jobZone.level}/5` }
            : undefined,
      };
    case 'salary': {
      // Log scale between the lowest and highest median in the catalog.
      const logs = roles
        .map((r) => headlineSalary(r)?.median)
        .filter((m): m is number => m !== undefined && m > 0)
        .map(Math.log);
      const lo = Math.min(...logs);
      const span = Math.max(...logs) - lo || 1;
      return {
        label: 'pay',
        read: (role) => {
          const median = headlineSalary(role)?.median;
          if (median === undefined || median <= 0) return undefined;
          return {
            value: (Math.log(median) - lo) / span,
            shown: `median ${money(median)}`,
          };
        },
      };
    }
  }
}

/** One attribute's readings for every role, centred on their average. */
interface Column {
  label: string;
  readings: Array<Reading | undefined>;
  average: number;
}

function column(quiz: Quiz, attr: Attribute, roles: Role[]): Column {
  const { label, read } = reader(quiz, attr, roles);
  const readings = roles.map(read);
  const known = readings.filter((r): r is Reading => r !== undefined);
  const average = known.reduce((sum, r) => sum + r.value, 0) / (known.length || 1);
  return { label, readings, average };
}

/** The weighted attributes an answer stands for, each with its factor applied. */
function answerWeights(q: Question, value: AnswerValue): Array<Attribute & { weight: number }> {
  if (value === null) return [];
  if (q.type === 'rating') {
    const mid = (RATING_MIN + RATING_MAX) / 2;
    const factor = ((value as number) - mid) / ((RATING_MAX - RATING_MIN) / 2);
    return weightList(q.weights).map((w) => ({ ...w, weight: w.weight * factor }));
  }
  const ids = Array.isArray(value) ? value : [value as string];
  return q.choices.filter((c) => ids.includes(c.id)).flatMap((c) => weightList(c.weights));
}

/** The answer in the words the user saw. */
export function answerText(q: Question, value: AnswerValue): string {
  if (value === null) return 'skipped';
  if (q.type === 'rating') return `${String(value)} of ${RATING_MAX}`;
  const ids = Array.isArray(value) ? value : [value as string];
  const labels = q.choices.filter((c) => ids.includes(c.id)).map((c) => c.label);
  return labels.length > 0 ? labels.join('; ') : 'none';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One attribute's effect on one role for one answer, before scaling to score points. */
type RawPart = Omit<AttributePart, 'points'> & { raw: number };

/** How one answer moves every role, before scaling: totals and the parts behind them. */
export interface AnswerEffect {
  /** By role, in the order of the roles given. */
  raw: number[];
  parts: RawPart[][];
}

/**
 * Reads the role data once for a quiz and a list of roles, and returns the effect of any single
 * answer on every role. Scores are these effects added up and scaled, so searches over answers
 * (as in the reachability test) can add them directly and rank exactly as scoreQuiz does.
 */
export function makeScorer(
  quiz: Quiz,
  roles: Role[],
): (q: Question, value: AnswerValue) => AnswerEffect {
  const columns = new Map<string, Column>();
  const columnFor = (a: Attribute) => {
    const key = `${a.kind}:${a.name}`;
    let col = columns.get(key);
    if (!col) columns.set(key, (col = column(quiz, a, roles)));
    return col;
  };
  return (q, value) => {
    const weights = answerWeights(q, value);
    const raw: number[] = [];
    const parts: RawPart[][] = [];
    roles.forEach((_, r) => {
      let sum = 0;
      const list = weights.map((w) => {
        const col = columnFor(w);
        const reading = col.readings[r];
        const effect = w.weight * ((reading?.value ?? col.average) - col.average);
        sum += effect;
        return {
          kind: w.kind,
          name: w.name,
          label: col.label,
          roleValue: reading?.shown ?? 'no data',
          weight: Math.round(w.weight * 100) / 100,
          raw: effect,
        };
      });
      raw.push(sum);
      parts.push(list);
    });
    return { raw, parts };
  };
}

/** Ranks every role for the answers; deterministic, ties in catalog order. */
export function scoreQuiz(quiz: Quiz, answers: Answers, roles: Role[]): RankedRole[] {
  const effectOf = makeScorer(quiz, roles);
  // raw[q][r]: how answer q moves role r, before scaling; parts[q][r]: what it is made of.
  const answered = quiz.questions.filter((q) => (answers[q.id] ?? null) !== null);
  const effects = answered.map((q) => effectOf(q, answers[q.id] ?? null));
  const raw = effects.map((e) => e.raw);
  const parts = effects.map((e) => e.parts);

  const bound = raw.reduce((sum, row) => sum + Math.max(0, ...row.map(Math.abs)), 0);
  const scale = bound > 0 ? 50 / bound : 0;

  const ranked = roles.map((role, r) => {
    const contributions: Contribution[] = answered.map((q, i) => ({
      questionId: q.id,
      question: q.text,
      answer: answerText(q, answers[q.id] ?? null),
      points: (raw[i]?.[r] ?? 0) * scale,
      parts: (parts[i]?.[r] ?? [])
        .map(({ raw: effect, ...part }) => ({ ...part, points: effect * scale }))
        .filter((p) => Math.abs(p.points) >= 0.05)
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points)),
    }));
    const exact = 50 + contributions.reduce((sum, c) => sum + c.points, 0);
    contributions.sort((a, b) => b.points - a.points);
    return { role, exact, contributions };
  });
  // Array.prototype.sort is stable, so equal scores keep the catalog order.
  ranked.sort((a, b) => b.exact - a.exact);
  return ranked.map((r, i) => ({
    rank: i + 1,
    role: r.role,
    score: Math.min(100, Math.max(0, Math.round(r.exact))),
    contributions: r.contributions.map((c) => ({
      ...c,
      points: round1(c.points),
      parts: c.parts.map((p) => ({ ...p, points: round1(p.points) })),
    })),
  }));
}

/** The two or three answers that did most for a role: positive contributions, largest first. */
export function reasons(ranked: RankedRole, max = 3): Contribution[] {
  return ranked.contributions.filter((c) => c.points >= 0.5).slice(0, max);
}

/** Turns raw answers (from YAML or JSON) into checked answers; every problem names its question. */
export function checkAnswers(quiz: Quiz, input: unknown): { answers: Answers; problems: string[] } {
  const problems: string[] = [];
  const answers: Answers = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      answers,
      problems: ['expected a mapping of question id to answer, e.g. "reconcile: 4"'],
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
      problem(`no answer (give one, or "${SKIP}")`);
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
  return { answers, problems };
}

/** Checked answers, or a UsageError naming every bad question (`where` prefixes the message). */
export function parseAnswers(quiz: Quiz, input: unknown, where: string): Answers {
  const { answers, problems } = checkAnswers(quiz, input);
  if (problems.length === 1) throw new UsageError(`${where}: ${problems[0] ?? ''}`);
  if (problems.length > 1)
    throw new UsageError(
      `${where}: ${problems.length} problems with the answers`,
      problems.map((p) => `  ${p}`),
    );
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
