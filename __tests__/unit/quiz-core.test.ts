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
  because,
  rankQuiz,
  reasons,
  scoreQuiz,
  type Answers,
} from '../../src/core/quiz.js';
import { titleMatches, titlesMatching } from '../../src/core/quiz-readers.js';
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
  onetTitles: ['Accounting Clerk', 'Calculator', 'File Clerk'],
  jobZone: { level: 3, name: 'Job Zone Three', source: 's' },
  salary: [{ source: 's', period: 'May 2024', label: 'x', median: 60000 }],
});
const people = role('people', {
  skills: [{ name: 'Service Orientation', importance: 4, source: 's' }],
  interests: interests(4, 7),
  onetTitles: ['Greeter', 'Front Desk Clerk'],
  jobZone: { level: 2, name: 'Job Zone Two', source: 's' },
  salary: [{ source: 's', period: 'May 2024', label: 'x', median: 40000 }],
});
const unknown = role('unknown');

const quiz = QuizFileSchema.parse({
  title: 'T',
  intro: 'I',
  titles: { figures: { label: 'figures', keywords: ['account*', 'calculator'] } },
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
      weights: { titles: { figures: 1 }, salary: 1 },
    },
    {
      id: 'like',
      type: 'multi',
      text: 'Like?',
      choices: [
        { id: 'a', label: 'A', weights: { interests: { conventional: 1 } } },
        { id: 'b', label: 'B', weights: { skills: { 'Service Orientation': 1 } } },
        { id: 'rich', label: 'Rich', requires: { minSalary: 50000 } },
        { id: 'easy', label: 'Easy', requires: { maxJobZone: 2 } },
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
      missing: [],
    });
    expect(checkAnswers(quiz, { day: 'skip', sums: null, like: 'b' }).answers).toEqual({
      day: null,
      sums: null,
      like: ['b'],
    });
  });

  test('names the question of every unknown or out-of-range answer', () => {
    const { problems } = checkAnswers(quiz, { day: 'dancing', sums: 6, nope: 1, like: 'a' });
    expect(problems).toEqual([
      'unknown question "nope" (see: careers quiz --questions)',
      'question "day": "dancing" is not a choice; choices: figures, people',
      'question "sums": 6 is not a rating from 1 to 5',
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
      parseAnswers(quiz, { day: 'x', sums: 9 }, 'a.yaml');
      throw new Error('expected a UsageError');
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toBe('a.yaml: 2 problems with the answers');
      expect((err as UsageError).details).toHaveLength(2);
    }
  });

  test('a question left out counts as skipped, and the caller is told which', () => {
    expect(checkAnswers(quiz, { sums: 3 })).toEqual({
      answers: { day: null, sums: 3, like: null },
      problems: [],
      missing: ['day', 'like'],
    });
    const told: string[][] = [];
    expect(parseAnswers(quiz, { day: 'figures' }, 'a.yaml', (ids) => told.push(ids))).toEqual({
      day: 'figures',
      sums: null,
      like: null,
    });
    expect(told).toEqual([['sums', 'like']]);
    // Nothing left out: nothing to say.
    parseAnswers(quiz, { day: 'skip', sums: 1, like: [] }, 'a.yaml', (ids) => told.push(ids));
    expect(told).toHaveLength(1);
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
    expect(day?.parts[0]).toMatchObject({
      label: 'Mathematics skill',
      roleValue: '4 of 5',
      fact: 'O*NET Mathematics skill is 4 of 5',
    });
    expect(because(day!)).toBe(
      `you chose "Figures"; this role's O*NET Mathematics skill is 4 of 5`,
    );
    const sums = top?.contributions.find((c) => c.questionId === 'sums');
    expect(because(sums!)).toMatch(
      /^you rated this 4 of 5; this role's O\*NET job titles include 2 of 3 in figures \(e\.g\. Accounting Clerk\)/,
    );
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

  test('title groups match whole words of O*NET titles, or word starts with a trailing *', () => {
    expect(titleMatches('Legal Secretary', 'legal')).toBe(true);
    expect(titleMatches('Lawn Care Clerk', 'law')).toBe(false);
    expect(titleMatches('Paralegal Specialist', 'paralegal*')).toBe(true);
    expect(titleMatches('Front Desk Clerk', 'front desk')).toBe(true);
    expect(titleMatches('Front Office Desk', 'front desk')).toBe(false);
    expect(titlesMatching(numbers, ['account*', 'file'])).toEqual([
      'Accounting Clerk',
      'File Clerk',
    ]);
  });

  test('everything skipped: nothing to match on', () => {
    const result = rankQuiz(quiz, { day: null, sums: null, like: null }, roles);
    expect(result.nothingToMatch).toBe(true);
    expect(rankQuiz(quiz, { day: 'figures', sums: null, like: null }, roles).nothingToMatch).toBe(
      false,
    );
  });
});

describe('requirements', () => {
  test('a pay floor ranks every role under it after the roles that meet it, saying why', () => {
    // "people" would win on the rating alone; its pay is under the floor.
    const result = rankQuiz(quiz, { day: 'people', sums: null, like: ['rich'] }, roles);
    expect(result.requirements).toEqual([
      expect.objectContaining({
        questionId: 'like',
        answer: 'Rich',
        text: 'median pay of at least $50,000',
      }),
    ]);
    expect(result.ranked.map((r) => r.role.id)).toEqual(['numbers', 'people', 'unknown']);
    expect(result.meeting).toBe(1);
    expect(result.ranked[1]?.unmet).toEqual([
      {
        questionId: 'like',
        requirement: 'Rich',
        reason: 'BLS median pay $40,000 (May 2024) is under $50,000',
      },
    ]);
    // Pay that cannot be shown cannot be said to meet a floor.
    expect(result.ranked[2]?.unmet[0]?.reason).toBe('no median pay figure to check');
  });

  test('a preparation ceiling rules out higher job zones; a role without one is not ruled out', () => {
    const result = rankQuiz(quiz, { day: 'figures', sums: 5, like: ['easy'] }, roles);
    expect(result.ranked.map((r) => [r.role.id, r.unmet.length])).toEqual([
      ['unknown', 0],
      ['people', 0],
      ['numbers', 1],
    ]);
    expect(result.ranked[2]?.unmet[0]?.reason).toBe('O*NET job zone 3 of 5 is above 2');
  });

  test('when no role meets every requirement, every role says which it fails', () => {
    const result = rankQuiz(quiz, { day: null, sums: null, like: ['rich', 'easy'] }, roles);
    expect(result.meeting).toBe(0);
    expect(result.nothingToMatch).toBe(false);
    expect(result.ranked.every((r) => r.unmet.length > 0)).toBe(true);
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
