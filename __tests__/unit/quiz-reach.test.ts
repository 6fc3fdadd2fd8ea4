/**
 * Reachability: can every role come out of the quiz? A seeded random sample of 2,000 answer sets
 * shows how often each role wins; then, for each role, a search starts from the sampled answers
 * where the role did best and changes one answer at a time while that raises the role's lead
 * (coordinate ascent). Every answer set found is checked with scoreQuiz itself. Figures are
 * printed.
 */
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import type { Question } from '../../src/model/quiz-schema.js';
import { makeScorer, scoreQuiz, type AnswerValue, type Answers } from '../../src/core/quiz.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const roles = catalog.roles;
const quiz = loadQuiz(catalog);
const effectOf = makeScorer(quiz, roles);

const cache = new Map<string, number[]>();
function effect(q: Question, value: AnswerValue): number[] {
  const key = `${q.id}=${JSON.stringify(value)}`;
  let raw = cache.get(key);
  if (!raw) cache.set(key, (raw = effectOf(q, value).raw));
  return raw;
}

/** Every single answer a question can take (multi: one choice at a time), and skipping. */
function singleValues(q: Question): AnswerValue[] {
  if (q.type === 'rating') return [null, 1, 2, 3, 4, 5];
  if (q.type === 'single') return [null, ...q.choices.map((c) => c.id)];
  return [null, ...q.choices.map((c) => [c.id])];
}

function lead(totals: number[], target: number): number {
  const others = totals.filter((_, i) => i !== target);
  return (totals[target] ?? 0) - Math.max(...others);
}

function totalsOf(answers: Answers): number[] {
  const totals = roles.map(() => 0);
  for (const q of quiz.questions) {
    const e = effect(q, answers[q.id] ?? null);
    totals.forEach((t, r) => (totals[r] = t + (e[r] ?? 0)));
  }
  return totals;
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
      for (const value of candidates) {
        const e = effect(q, value);
        const next = totals.map((t, i) => t - (base[i] ?? 0) + (e[i] ?? 0));
        const l = lead(next, target);
        if (l > bestLead + 1e-9) {
          best = value;
          bestLead = l;
        }
      }
      if (best !== current) {
        const e = effect(q, best);
        totals.forEach((t, i) => (totals[i] = t - (base[i] ?? 0) + (e[i] ?? 0)));
        answers[q.id] = best;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return Object.fromEntries(quiz.questions.map((q) => [q.id, answers[q.id] ?? null]));
}

/** A small seeded generator, so the sample is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswers(next: () => number): Answers {
  const answers: Answers = {};
  for (const q of quiz.questions) {
    if (next() < 0.1) answers[q.id] = null;
    else if (q.type === 'rating') answers[q.id] = 1 + Math.floor(next() * 5);
    else if (q.type === 'single')
      answers[q.id] = q.choices[Math.floor(next() * q.choices.length)]?.id ?? null;
    else answers[q.id] = q.choices.filter(() => next() < 0.25).map((c) => c.id);
  }
  return answers;
}

describe('quiz reachability over the built-in roles', () => {
  // The sample: who wins, and for each role the answers where it led (or trailed) by the most.
  const next = random(20250505);
  const wins = new Map<string, number>();
  const bestStart = roles.map(() => ({ lead: -Infinity, answers: {} as Answers }));
  const sample: Answers[] = [];
  for (let i = 0; i < 2000; i++) {
    const answers = randomAnswers(next);
    sample.push(answers);
    const totals = totalsOf(answers);
    // The first role with the highest total: the same order scoreQuiz gives.
    const winner = roles[totals.indexOf(Math.max(...totals))]?.id ?? '';
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
      const totals = totalsOf(answers);
      const winner = roles[totals.indexOf(Math.max(...totals))]?.id;
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
