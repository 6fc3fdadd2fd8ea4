/**
 * data/quiz.yaml and its loader: the built-in quiz is valid and well-formed, and mistakes in a
 * quiz file are reported with file, line, column and field path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz, quizFile } from '../../src/data/quiz-loader.js';
import { scoreQuiz } from '../../src/core/quiz.js';
import { titlesMatching } from '../../src/core/quiz-readers.js';
import { DataError } from '../../src/errors.js';
import { roleYaml, tempDir } from '../helpers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);

const smallQuiz = (weights: string, extra = '') => `title: Test quiz
intro: Two questions.
titles:
  figures: { label: figures, keywords: [account*] }
questions:
  - id: day
    type: single
    text: Day?
    choices:
      - id: figures
        label: Figures
        weights: ${weights}
      - id: other
        label: Other
  - id: sums
    type: rating
    text: Sums?
    low: no
    high: yes
    weights: { titles: { figures: 1 } }
${extra}`;

function problemsOf(dir: string): string[] {
  try {
    loadQuiz(loadCatalog(dir));
  } catch (err) {
    if (err instanceof DataError) return err.details;
    throw err;
  }
  throw new Error('expected the quiz to be rejected');
}

describe('the built-in quiz', () => {
  const quiz = loadQuiz(catalog);

  test('loads against the built-in roles, with 10–15 questions of all three kinds', () => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(10);
    expect(quiz.questions.length).toBeLessThanOrEqual(15);
    expect(new Set(quiz.questions.map((q) => q.type))).toEqual(
      new Set(['single', 'multi', 'rating']),
    );
  });

  test('every title group names titles of at least one role, and every choice carries weights', () => {
    for (const [id, group] of Object.entries(quiz.titles)) {
      const found = catalog.roles.filter((r) => titlesMatching(r, group.keywords).length > 0);
      expect({ id, found: found.length > 0 }).toEqual({ id, found: true });
    }
    for (const q of quiz.questions) {
      if (q.type === 'rating') continue;
      const empty = q.choices.filter((c) => Object.keys(c.weights).length === 0).map((c) => c.id);
      expect({ q: q.id, empty }).toEqual({ q: q.id, empty: [] });
    }
  });

  test('the example answers file answers every question', () => {
    const text = readFileSync(
      join(BUILT_IN_DATA_DIR, '..', 'examples', 'quiz-answers.yaml'),
      'utf8',
    );
    for (const q of quiz.questions) expect(text).toMatch(new RegExp(`^${q.id}:`, 'm'));
  });
});

describe('loadQuiz', () => {
  const roles = { 'roles/a.yaml': roleYaml('alpha', 'Alpha') };

  test('uses the data directory’s own quiz.yaml, else the built-in one', () => {
    const own = tempDir({ ...roles, 'quiz.yaml': smallQuiz('{ skills: { Typing: 1 } }') });
    expect(loadQuiz(loadCatalog(own)).title).toBe('Test quiz');
    const without = tempDir({ ...roles });
    expect(quizFile(without)).toBe(join(BUILT_IN_DATA_DIR, 'quiz.yaml'));
  });

  test('a directory without quiz.yaml borrows the built-in quiz; missing names count for nothing', () => {
    const small = loadCatalog(tempDir({ ...roles }));
    const quiz = loadQuiz(small);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(10);
    const skipAll = Object.fromEntries(quiz.questions.map((q) => [q.id, null]));
    // "generalist" names roles and work styles this directory does not have: a neutral 50.
    const ranked = scoreQuiz(quiz, { ...skipAll, scope: 'generalist' }, small.roles);
    expect(ranked.map((r) => [r.role.id, r.score])).toEqual([['alpha', 50]]);
  });

  test('a weight naming a skill, role, title group or category that does not exist is located', () => {
    const dir = tempDir({
      ...roles,
      'quiz.yaml': smallQuiz(
        '{ skills: { Juggling: 1 }, roles: { nobody: 1 }, titles: { dance: 1 }, software: { Spreadsheet software: 1, Games: 2 } }',
      ),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /quiz\.yaml:12:\d+: questions\.0\.choices\.0\.weights\.skills\.Juggling: no role lists the skill "Juggling"/,
      ),
      expect.stringMatching(
        /quiz\.yaml:12:\d+: questions\.0\.choices\.0\.weights\.software\.Games: no role uses software in the category "Games"/,
      ),
      expect.stringMatching(/weights\.titles\.dance: no title group is defined with id "dance"/),
      expect.stringMatching(/weights\.roles\.nobody: no role has id "nobody"/),
    ]);
  });

  test('schema mistakes and duplicate ids are reported with line and path', () => {
    const dir = tempDir({
      ...roles,
      'quiz.yaml': smallQuiz('{ skills: { Typing: 9 } }', '    colour: red\n'),
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(
        /quiz\.yaml:12:\d+: questions\.0\.choices\.0\.weights\.skills\.Typing: .*5/,
      ),
      expect.stringMatching(/quiz\.yaml:21:5: questions\.1\.colour: unknown field/),
    ]);
    const dup = tempDir({
      ...roles,
      'quiz.yaml': smallQuiz('{ skills: { Typing: 1 } }').replace('id: sums', 'id: day'),
    });
    expect(problemsOf(dup)).toEqual([
      expect.stringMatching(/quiz\.yaml:15:\d+: questions\.1\.id: duplicate question id "day"/),
    ]);
  });

  test('a YAML syntax error is located', () => {
    const dir = tempDir({ ...roles, 'quiz.yaml': 'title: [unclosed\n' });
    expect(problemsOf(dir)[0]).toMatch(/quiz\.yaml:\d+:\d+: /);
  });
});
