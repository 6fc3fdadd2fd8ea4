/**
 * Quiz scoring: pure functions from (quiz, answers, roles) to a ranked list of roles, each with
 * the contribution of every answer, so the explanation is read from the same numbers as the score.
 *
 * How a score is made:
 * 1. Each weight in quiz.yaml names a role attribute read from structured data (an O*NET skill,
 *    work style, RIASEC interest, software category, share of job titles in a title group, job
 *    zone, education shares; BLS median pay). Every role gets a value for it between 0 and 1, e.g.
 *    skill importance 3.38 on O*NET's 1–5 scale → 0.6 (core/quiz-readers.ts).
 * 2. Values are centred on the average over all roles that have such data, so an answer moves a
 *    role up only where the role stands out. A role without that kind of data (say, no O*NET
 *    interest scores) sits at the average: the answer neither helps nor hurts it.
 * 3. An answer's raw contribution to a role is Σ weight × factor × (value − average), where the
 *    factor is 1 for a chosen choice and (rating − 3) / 2 for a rating, from −1 to +1.
 * 4. Scores run from 0 to 100: 50 + 50 × Σ contributions / Σ over answers of the largest
 *    |contribution| any role gets from that answer. So 50 is an average role, 100 a role that is
 *    the best fit on every answer. Each answer's share is reported in the same points.
 * 5. Requirements (a pay floor, a preparation ceiling, "no phones") are not weights: a role that
 *    fails one ranks after every role that meets them all, whatever its score (and one failing
 *    two after one failing one), and carries the reasons (core/quiz-requirements.ts).
 * Ties keep the catalog's order (role files sorted by name).
 */
import type { Role } from '../model/schema.js';
import type { Question, Quiz, Weights } from '../model/quiz-schema.js';
import { RATING_MAX, RATING_MIN } from '../model/quiz-constants.js';
import { answerText, pickedChoices, type AnswerValue, type Answers } from './quiz-answers.js';
import { reader, type Attribute, type Reading } from './quiz-readers.js';
import {
  statedRequirements,
  unmetBy,
  type StatedRequirement,
  type Unmet,
} from './quiz-requirements.js';

export type { AnswerValue, Answers } from './quiz-answers.js';
export { answerText, answersForFile, checkAnswers, parseAnswers } from './quiz-answers.js';
export type { Attribute } from './quiz-readers.js';
export type { StatedRequirement, Unmet } from './quiz-requirements.js';

/** How one attribute of one role moved the score for one answer. */
export interface AttributePart {
  kind: Attribute['kind'];
  name: string;
  /** Human wording, e.g. "Mathematics skill". */
  label: string;
  /** The role's own figure, e.g. "3.38 of 5", or "no data". */
  roleValue: string;
  /** The figure as a clause, e.g. "O*NET Mathematics skill is 3.38 of 5"; "" without data. */
  fact: string;
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
  /** The stated requirements this role fails; empty when it meets them all. */
  unmet: Unmet[];
}

/** A whole quiz result: the ranking and what it was ranked on. */
export interface QuizResult {
  /** Roles meeting every requirement first (by score), then by how many they miss (by score). */
  ranked: RankedRole[];
  /** The requirements the answers state. */
  requirements: StatedRequirement[];
  /** How many roles meet every requirement. */
  meeting: number;
  /** True when no answer says anything about any role (e.g. every question skipped). */
  nothingToMatch: boolean;
}

/** Reads the weights as a flat list of (attribute, weight). */
export function weightList(weights: Weights): Array<Attribute & { weight: number }> {
  const list: Array<Attribute & { weight: number }> = [];
  for (const kind of [
    'skills',
    'workStyles',
    'interests',
    'software',
    'titles',
    'roles',
  ] as const) {
    for (const [name, weight] of Object.entries(weights[kind] ?? {})) {
      if (weight !== undefined) list.push({ kind, name, weight });
    }
  }
  for (const kind of ['jobZone', 'education', 'salary'] as const) {
    const weight = weights[kind];
    if (weight !== undefined) list.push({ kind, name: '', weight });
  }
  return list;
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
  return pickedChoices(q, value).flatMap((c) => weightList(c.weights));
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
          fact: reading?.fact ?? '',
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

/** A ranker for one quiz and one list of roles: reads the role data once, ranks any answers. */
export function makeRanker(quiz: Quiz, roles: Role[]): (answers: Answers) => QuizResult {
  const effectOf = makeScorer(quiz, roles);
  // Answers repeat (a choice, a rating): each one's effect is worked out once.
  const effects = new Map<string, AnswerEffect>();
  const effectFor = (q: Question, value: AnswerValue) => {
    const key = `${q.id}=${JSON.stringify(value)}`;
    let e = effects.get(key);
    if (!e) effects.set(key, (e = effectOf(q, value)));
    return e;
  };
  return (answers) => {
    const answered = quiz.questions.filter((q) => (answers[q.id] ?? null) !== null);
    // effect[q].raw[r]: how answer q moves role r, before scaling; .parts[r]: what it is made of.
    const effect = answered.map((q) => effectFor(q, answers[q.id] ?? null));
    const requirements = statedRequirements(quiz, answers);

    const bound = effect.reduce((sum, e) => sum + Math.max(0, ...e.raw.map(Math.abs)), 0);
    const scale = bound > 0 ? 50 / bound : 0;

    const ranked = roles.map((role, r) => {
      let exact = 50;
      const contributions: Contribution[] = answered.map((q, i) => {
        const points = (effect[i]?.raw[r] ?? 0) * scale;
        exact += points;
        const parts: AttributePart[] = [];
        for (const p of effect[i]?.parts[r] ?? []) {
          const pts = p.raw * scale;
          if (Math.abs(pts) < 0.05) continue;
          const { kind, name, label, roleValue, fact, weight } = p;
          parts.push({ kind, name, label, roleValue, fact, weight, points: pts });
        }
        parts.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
        for (const p of parts) p.points = round1(p.points);
        return {
          questionId: q.id,
          question: q.text,
          answer: answerText(q, answers[q.id] ?? null),
          points,
          parts,
        };
      });
      contributions.sort((a, b) => b.points - a.points);
      for (const c of contributions) c.points = round1(c.points);
      return { role, exact, contributions, unmet: unmetBy(quiz, role, requirements) };
    });
    // Roles meeting every requirement first, then those missing the fewest (the closest when
    // none meets them all); Array.prototype.sort is stable, so equal scores keep catalog order.
    ranked.sort((a, b) => a.unmet.length - b.unmet.length || b.exact - a.exact);
    return {
      ranked: ranked.map((r, i) => ({
        rank: i + 1,
        role: r.role,
        score: Math.min(100, Math.max(0, Math.round(r.exact))),
        contributions: r.contributions,
        unmet: r.unmet,
      })),
      requirements,
      meeting: ranked.filter((r) => r.unmet.length === 0).length,
      nothingToMatch: bound === 0 && requirements.length === 0,
    };
  };
}

/** Ranks every role for the answers; deterministic, ties in catalog order. */
export function rankQuiz(quiz: Quiz, answers: Answers, roles: Role[]): QuizResult {
  return makeRanker(quiz, roles)(answers);
}

/** The ranking alone (see rankQuiz). */
export function scoreQuiz(quiz: Quiz, answers: Answers, roles: Role[]): RankedRole[] {
  return rankQuiz(quiz, answers, roles).ranked;
}

/** The two or three answers that did most for a role: positive contributions, largest first. */
export function reasons(ranked: RankedRole, max = 3): Contribution[] {
  return ranked.contributions.filter((c) => c.points >= 0.5).slice(0, max);
}

/**
 * One answer's part in a role's ranking as a sentence naming the answer and the data, e.g.
 * 'you chose "Numbers and figures"; this role's O*NET Conventional interest is 6.97 of 7'.
 */
export function because(c: Contribution, max = 2): string {
  const rated = /^\d+ of \d+$/.test(c.answer);
  const said = rated ? `you rated this ${c.answer}` : `you chose "${c.answer}"`;
  const facts = c.parts
    .filter((p) => p.points > 0 && p.fact !== '')
    .slice(0, max)
    .map((p) => p.fact);
  return facts.length > 0 ? `${said}; this role's ${facts.join(', and ')}` : said;
}
