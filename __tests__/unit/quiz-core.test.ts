/**
 * Quiz scoring and answer checking: pure functions, tested on a tiny quiz and on the built-in data.
 */
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { QuizFileSchema } from '../../src/model/quiz-schema.js';
import { RoleSchema, type Role } from '../../src/model/schema.js';
import {
  answersForFile,
  checkAnswers,
  parseAnswers,
  reasons,
  scoreQuiz,
  themeMatches,
  type Answers,
} from '../../src/core/quiz.js';
import { UsageError } from '../../src/errors.js';

function role(id: string, extra: Record<string, unknown> = {}): Role {
  return RoleSchema.parse({
    id,
    title: id,
    socCodes: ['43-9021.00'],
    summary: `The ${id} role.`,
    sources: [{ id: 's', title: 'S', period: '2024' }],
    ...extra,
  });
}

const interests = (conventional: number, social: number) => ({
  realistic: 1,
  investigative: 1,
  artistic: 1,
  social,
  enterprising: 1,
  conventional,
  source: 's',
});

const numbers = role('numbers', {
  skills: [{ name: 'Mathematics', importance: 4, source: 's' }],
  interests: interests(7, 1),
  tasks: ['Calculate totals.', 'File things.'],
  salary: [{ source: 's', period: 'May 2024', label: 'x', median: 60000 }],
});
const people = role('people', {
  skills: [{ name: 'Service Orientation', importance: 4, source: 's' }],
  interests: interests(4, 7),
  tasks: ['Greet visitors.'],
  salary: [{ source: 's', period: 'May 2024', label: 'x', median: 40000 }],
});
const unknown = role('unknown');

const quiz = QuizFileSchema.parse({
  title: 'T',
  intro: 'I',
  themes: { figures: { label: 'figures', keywords: ['calculat'] } },
  questions: [
    {
      id: 'day',
      type: 'single',
      text: 'Day?',
      choices: [
        { id: 'figures', label: 'Figures', weights: { skills: { Mathematics: 2 } } },
        { id: 'people', label: 'People', weights: { interests: { social: 2 } } },
      ],
    },
    {
      id: 'sums',
      type: 'rating',
      text: 'Sums?',
      low: 'no',
      high: 'yes',
      weights: { themes: { figures: 1 }, salary: 1 },
    },
    {
      id: 'like',
      type: 'multi',
      text: 'Like?',
      choices: [
        { id: 'a', label: 'A', weights: { interests: { conventional: 1 } } },
        { id: 'b', label: 'B', weights: { skills: { 'Service Orientation': 1 } } },
      ],
    },
  ],
});
const roles = [numbers, people, unknown];

describe('checkAnswers / parseAnswers', () => {
  test('accepts a choice id, a list, a rating and skips', () => {
    expect(checkAnswers(quiz, { day: 'figures', sums: 5, like: ['a', 'b', 'a'] })).toEqual({
      answers: { day: 'figures', sums: 5, like: ['a', 'b'] },
      problems: [],
    });
    expect(checkAnswers(quiz, { day: 'skip', sums: null, like: 'b' }).answers).toEqual({
      day: null,
      sums: null,
      like: ['b'],
    });
  });

  test('names the question of every missing, unknown or out-of-range answer', () => {
    const { problems } = checkAnswers(quiz, { day: 'dancing', sums: 6, nope: 1 });
    expect(problems).toEqual([
      'unknown question "nope" (see: careers quiz --questions)',
      'question "day": "dancing" is not a choice; choices: figures, people',
      'question "sums": 6 is not a rating from 1 to 5',
      'question "like": no answer (give one, or "skip")',
    ]);
    expect(
      checkAnswers(quiz, { day: ['figures', 'people'], sums: 2.5, like: [] }).problems,
    ).toEqual([
      'question "day": pick exactly one of figures, people',
      'question "sums": 2.5 is not a rating from 1 to 5',
    ]);
    expect(checkAnswers(quiz, ['day']).problems).toHaveLength(1);
  });

  test('parseAnswers throws one UsageError: one line for one problem, details for more', () => {
    expect(() => parseAnswers(quiz, { day: 'figures', sums: 0, like: [] }, 'a.yaml')).toThrow(
      new UsageError('a.yaml: question "sums": 0 is not a rating from 1 to 5'),
    );
    try {
      parseAnswers(quiz, {}, 'a.yaml');
      throw new Error('expected a UsageError');
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toBe('a.yaml: 3 problems with the answers');
      expect((err as UsageError).details).toHaveLength(3);
    }
  });

  test('answersForFile writes skips as "skip" so the file replays', () => {
    const answers: Answers = { day: null, sums: 4, like: ['a'] };
    const file = answersForFile(quiz, answers);
    expect(file).toEqual({ day: 'skip', sums: 4, like: ['a'] });
    expect(parseAnswers(quiz, file, 'f')).toEqual(answers);
  });
});

describe('scoreQuiz', () => {
  test('ranks the role the answers describe first, with scores from 0 to 100', () => {
    const ranked = scoreQuiz(quiz, { day: 'figures', sums: 5, like: ['a'] }, roles);
    expect(ranked.map((r) => r.role.id)).toEqual(['numbers', 'unknown', 'people']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const r of ranked) expect(r.score).toBeGreaterThanOrEqual(0);
    expect(ranked[0]?.score).toBe(100); // best fit on every answer
    const other = scoreQuiz(quiz, { day: 'people', sums: 1, like: ['b'] }, roles);
    expect(other[0]?.role.id).toBe('people');
  });

  test('a role without that kind of data stays neutral: 50 points', () => {
    const ranked = scoreQuiz(quiz, { day: 'figures', sums: 5, like: ['a', 'b'] }, roles);
    const u = ranked.find((r) => r.role.id === 'unknown');
    expect(u?.score).toBe(50);
    expect(u?.contributions.every((c) => c.points === 0)).toBe(true);
  });

  test('the score is 50 plus the contributions, and "why" reads the largest positive ones', () => {
    const ranked = scoreQuiz(quiz, { day: 'figures', sums: 4, like: ['a'] }, roles);
    for (const r of ranked) {
      const sum = r.contributions.reduce((s, c) => s + c.points, 0);
      expect(Math.abs(50 + sum - r.score)).toBeLessThan(1);
      const why = reasons(r);
      expect(why.every((c) => c.points > 0)).toBe(true);
      expect(why).toEqual(r.contributions.filter((c) => c.points >= 0.5).slice(0, 3));
    }
    const top = ranked[0];
    expect(top?.contributions[0]?.parts[0]).toMatchObject({
      kind: expect.any(String),
      roleValue: expect.any(String),
    });
    const day = top?.contributions.find((c) => c.questionId === 'day');
    expect(day).toMatchObject({ answer: 'Figures', question: 'Day?' });
    expect(day?.parts[0]).toMatchObject({ label: 'Mathematics skill', roleValue: '4/5' });
  });

  test('a rating of 3 counts for nothing and a rating of 1 mirrors a rating of 5', () => {
    const at = (sums: number) =>
      scoreQuiz(quiz, { day: null, sums, like: null }, roles).find((r) => r.role.id === 'numbers');
    expect(at(3)?.score).toBe(50);
    expect((at(5)?.score ?? 0) - 50).toBe(50 - (at(1)?.score ?? 0));
  });

  test('is deterministic, and equal scores keep the order the roles were given in', () => {
    const twinA = { ...people, id: 'twin-a' };
    const twinB = { ...people, id: 'twin-b' };
    const answers = { day: 'figures', sums: 5, like: ['a'] };
    const one = scoreQuiz(quiz, answers, [twinB, numbers, twinA]);
    expect(scoreQuiz(quiz, answers, [twinB, numbers, twinA])).toEqual(one);
    expect(one.map((r) => r.role.id)).toEqual(['numbers', 'twin-b', 'twin-a']);
    const skipped = scoreQuiz(quiz, { day: null, sums: null, like: null }, roles);
    expect(skipped.map((r) => [r.role.id, r.score])).toEqual([
      ['numbers', 50],
      ['people', 50],
      ['unknown', 50],
    ]);
  });

  test('themes are found at word starts in the summary and tasks', () => {
    expect(themeMatches(numbers, ['calculat'])).toBe(1);
    expect(themeMatches(numbers, ['alculat'])).toBe(0);
    expect(themeMatches(people, ['visitor'])).toBe(1);
    expect(themeMatches(people, ['visitor', 'people'])).toBe(2); // summary and task
  });
});

describe('sanity personas on the built-in data', () => {
  const catalog = loadCatalog(BUILT_IN_DATA_DIR);
  const builtIn = loadQuiz(catalog);
  const top3 = (answers: Answers) =>
    scoreQuiz(builtIn, parseAnswers(builtIn, answers, 'persona'), catalog.roles)
      .slice(0, 3)
      .map((r) => r.role.id);
  const skipAll = Object.fromEntries(builtIn.questions.map((q) => [q.id, null]));

  test('someone who loves numbers and spreadsheets: accounting, bookkeeping or payroll', () => {
    const top = top3({
      ...skipAll,
      day: 'figures',
      reconcile: 5,
      spreadsheets: 5,
      tasks: ['invoices', 'payroll'],
      tools: ['spreadsheets', 'accounting'],
      public: 2,
      lead: 'no',
    });
    expect(
      top.some((id) => ['bookkeeping-clerk', 'payroll-clerk', 'billing-clerk'].includes(id)),
    ).toBe(true);
  });

  test("someone who loves organizing people's calendars and documents: an assistant", () => {
    const top = top3({
      ...skipAll,
      day: 'organizing',
      tasks: ['calendars', 'filing'],
      tools: ['email', 'documents'],
      reconcile: 2,
      detail: 4,
      experience: 'some',
    });
    expect(top.some((id) => ['administrative-assistant', 'executive-assistant'].includes(id))).toBe(
      true,
    );
  });

  test('someone who wants to lead a team and has years of experience: a supervisor or manager', () => {
    const top = top3({ ...skipAll, day: 'leading', lead: 'now', experience: 'degree' });
    expect(
      top.some((id) => ['office-supervisor', 'administrative-services-manager'].includes(id)),
    ).toBe(true);
  });
});
