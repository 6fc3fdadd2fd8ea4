/**
 * Reachability: can every role come out of the quiz? A seeded random sample of 2,000 answer sets
 * shows how often each role wins; then, for each role, a search starts from the sampled answers
 * where the role did best and changes one answer at a time while that raises the role's lead
 * (coordinate ascent). Every answer set found is checked with scoreQuiz itself. Figures are
 * printed. Requirements count as scoreQuiz counts them: a role failing one ranks after every role
 * that meets them all.
 */
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import type { Question } from '../../src/model/quiz-schema.js';
import { makeScorer, scoreQuiz, type AnswerValue, type Answers } from '../../src/core/quiz.js';
import { statedRequirements, unmetBy } from '../../src/core/quiz-requirements.js';
import { randomAnswers as sampleAnswers, seeded } from './quiz-random-answers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const roles = catalog.roles;
const quiz = loadQuiz(catalog);
const effectOf = makeScorer(quiz, roles);

/** How an answer moves every role, and how many of its requirements each role fails. */
interface Effect {
  raw: number[];
  fails: number[];
}
const cache = new Map<string, Effect>();
function effect(q: Question, value: AnswerValue): Effect {
  const key = `${q.id}=${JSON.stringify(value)}`;
  let e = cache.get(key);
  if (!e) {
    const stated = statedRequirements(quiz, { [q.id]: value });
    e = {
      raw: effectOf(q, value).raw,
      fails: roles.map((role) => unmetBy(quiz, role, stated).length),
    };
    cache.set(key, e);
  }
  return e;
}

/** A role's running total and how many of the answers rule it out. */
interface Totals {
  score: number[];
  fails: number[];
}

/** What ranks a role: each requirement failed puts it below every role that fails fewer. */
const key = (t: Totals, r: number) => (t.score[r] ?? 0) - 1e6 * (t.fails[r] ?? 0);

function add(t: Totals, e: Effect, sign: number): void {
  e.raw.forEach((v, r) => (t.score[r] = (t.score[r] ?? 0) + sign * v));
  e.fails.forEach((f, r) => (t.fails[r] = (t.fails[r] ?? 0) + sign * f));
}

/** Every single answer a question can take (multi: one choice at a time), and skipping. */
function singleValues(q: Question): AnswerValue[] {
  if (q.type === 'rating') return [null, 1, 2, 3, 4, 5];
  if (q.type === 'single') return [null, ...q.choices.map((c) => c.id)];
  return [null, ...q.choices.map((c) => [c.id])];
}

function lead(totals: Totals, target: number): number {
  let best = -Infinity;
  for (let r = 0; r < roles.length; r++) if (r !== target) best = Math.max(best, key(totals, r));
  return key(totals, target) - best;
}

function totalsOf(answers: Answers): Totals {
  const totals: Totals = { score: roles.map(() => 0), fails: roles.map(() => 0) };
  for (const q of quiz.questions) add(totals, effect(q, answers[q.id] ?? null), 1);
  return totals;
}

function winnerOf(totals: Totals): number {
  let best = 0;
  for (let r = 1; r < roles.length; r++) if (key(totals, r) > key(totals, best)) best = r;
  return best;
}

/** Improves `start` for `target`, one answer at a time; multi questions may grow by a choice. */
function searchFor(target: number, start: Answers): Answers {
  const answers: Record<string, AnswerValue> = { ...start };
  const totals = totalsOf(answers);
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (const q of quiz.questions) {
      const current = answers[q.id] ?? null;
      const candidates = singleValues(q);
      if (q.type === 'multi' && Array.isArray(current))
        for (const c of q.choices) if (!current.includes(c.id)) candidates.push([...current, c.id]);
      const base = effect(q, current);
      let best = current;
      let bestLead = lead(totals, target);
      add(totals, base, -1);
      for (const value of candidates) {
        const e = effect(q, value);
        add(totals, e, 1);
        const l = lead(totals, target);
        add(totals, e, -1);
        if (l > bestLead + 1e-9) {
          best = value;
          bestLead = l;
        }
      }
      add(totals, effect(q, best), 1);
      if (best !== current) {
        answers[q.id] = best;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return Object.fromEntries(quiz.questions.map((q) => [q.id, answers[q.id] ?? null]));
}

describe('quiz reachability over the built-in roles', () => {
  // The sample: who wins, and for each role the answers where it led (or trailed) by the most.
  const next = seeded(20250505);
  const wins = new Map<string, number>();
  const bestStart = roles.map(() => ({ lead: -Infinity, answers: {} as Answers }));
  const sample: Answers[] = [];
  for (let i = 0; i < 2000; i++) {
    const answers = sampleAnswers(quiz, next);
    sample.push(answers);
    const totals = totalsOf(answers);
    // The first role with the highest total: the same order scoreQuiz gives.
    const winner = roles[winnerOf(totals)]?.id ?? '';
    wins.set(winner, (wins.get(winner) ?? 0) + 1);
    roles.forEach((_, r) => {
      const l = lead(totals, r);
      const best = bestStart[r];
      if (best && l > best.lead) bestStart[r] = { lead: l, answers };
    });
  }
  const searched = roles.map((role, target) => {
    const answers = searchFor(target, bestStart[target]?.answers ?? {});
    const rank = scoreQuiz(quiz, answers, roles).find((r) => r.role.id === role.id)?.rank ?? 0;
    return { id: role.id, rank };
  });
  const first = searched.filter((s) => s.rank === 1);
  const top3 = searched.filter((s) => s.rank <= 3);

  test('the sample ranks as scoreQuiz does', () => {
    for (const answers of sample.slice(0, 25)) {
      const winner = roles[winnerOf(totalsOf(answers))]?.id;
      expect(scoreQuiz(quiz, answers, roles)[0]?.role.id).toBe(winner);
    }
  });

  test('at least 80% of roles come out first for some answers', () => {
    const list = [...wins].sort((a, b) => b[1] - a[1]);
    console.log(
      `quiz sample: ${wins.size} of ${roles.length} roles won at least once in 2,000 random answer sets; ` +
        `most wins: ${list
          .slice(0, 5)
          .map(([id, n]) => `${id} ${n}`)
          .join(', ')}\n` +
        `quiz reachability: ${first.length} of ${roles.length} roles first ` +
        `(${Math.round((100 * first.length) / roles.length)}%), ${top3.length} of ${roles.length} in the top 3` +
        (first.length < roles.length
          ? `; best ranks of the others: ${searched
              .filter((s) => s.rank > 1)
              .map((s) => `${s.id} ${s.rank}`)
              .join(', ')}`
          : ''),
    );
    expect(first.length / roles.length).toBeGreaterThanOrEqual(0.8);
  });

  test('no role is unreachable from the top 3', () => {
    expect(searched.filter((s) => s.rank > 3)).toEqual([]);
  });
});
