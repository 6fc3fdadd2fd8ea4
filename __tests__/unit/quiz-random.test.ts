/**
 * The quiz over 1,000 seeded random answer sets, ranked exactly as `careers quiz` ranks them:
 * most roles must come first for someone, no role may win for everyone, and a stated pay floor
 * must hold for the #1 role (or the result must say no role meets the requirements).
 */
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { headlineSalary } from '../../src/model/catalog.js';
import { makeRanker, type Answers, type QuizResult } from '../../src/core/quiz.js';
import { randomAnswers, seeded } from './quiz-random-answers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const roles = catalog.roles;
const quiz = loadQuiz(catalog);
const rank = makeRanker(quiz, roles);

const RUNS = 1000;
const next = seeded(20261202);
const runs: Array<{ answers: Answers; result: QuizResult }> = [];
for (let i = 0; i < RUNS; i++) {
  const answers = randomAnswers(quiz, next);
  runs.push({ answers, result: rank(answers) });
}
const wins = new Map<string, number>();
for (const { result } of runs) {
  const id = result.ranked[0]?.role.id ?? '';
  wins.set(id, (wins.get(id) ?? 0) + 1);
}
const list = [...wins].sort((a, b) => b[1] - a[1]);

describe(`quiz over ${RUNS} random answer sets`, () => {
  test('at least 80% of roles come out first for some answers', () => {
    console.log(
      `quiz random sets: ${wins.size} of ${roles.length} roles won at least once in ${RUNS}; ` +
        `most wins: ${list
          .slice(0, 5)
          .map(([id, n]) => `${id} ${n} (${((100 * n) / RUNS).toFixed(1)}%)`)
          .join(', ')}; never first: ${roles
          .filter((r) => !wins.has(r.id))
          .map((r) => r.id)
          .join(', ')}`,
    );
    expect(wins.size / roles.length).toBeGreaterThanOrEqual(0.8);
  });

  test('no role wins more than 15% of runs', () => {
    expect(list[0]?.[1] ?? 0).toBeLessThanOrEqual(0.15 * RUNS);
  });

  test('with a pay floor the #1 role meets it, or the result says none does', () => {
    let floors = 0;
    let noneMeet = 0;
    for (const { answers, result } of runs) {
      const pay = answers.pay;
      const choice = quiz.questions.flatMap((q) =>
        q.id === 'pay' && q.type !== 'rating' ? q.choices.filter((c) => c.id === pay) : [],
      )[0];
      const min = choice?.requires?.minSalary;
      if (min === undefined) continue;
      floors++;
      const first = result.ranked[0];
      const median = first ? headlineSalary(first.role)?.median : undefined;
      if (result.meeting === 0) {
        noneMeet++;
        // Saying so: every role carries the requirement it fails.
        expect(result.ranked.every((r) => r.unmet.length > 0)).toBe(true);
      } else {
        expect(median).toBeGreaterThanOrEqual(min);
        expect(first?.unmet).toEqual([]);
      }
    }
    console.log(
      `quiz random sets: ${floors} of ${RUNS} state a pay floor; #1 meets it in ${floors - noneMeet}, ` +
        `no role meets every requirement in ${noneMeet}`,
    );
    expect(floors).toBeGreaterThan(RUNS / 4);
  });
});
