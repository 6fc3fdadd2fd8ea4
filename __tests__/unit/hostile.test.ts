/**
 * Property tests (fast-check, in-process): hostile strings in data or input never make search,
 * show, the quiz scorer or any renderer throw anything but the documented typed errors, and
 * rendered text never carries a raw control character or escape sequence taken from data.
 */
import fc from 'fast-check';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { loadSynonyms } from '../../src/data/synonyms.js';
import { loadCareerPaths } from '../../src/data/career-steps.js';
import { makeCatalog, type Catalog } from '../../src/model/catalog.js';
import { buildIndex } from '../../src/core/search/index.js';
import { resolveRole } from '../../src/core/search/resolve.js';
import { search, searchQuery } from '../../src/core/search/rank.js';
import { parseAnswers, rankQuiz } from '../../src/core/quiz.js';
import { compareRoles } from '../../src/core/compare.js';
import { computeGap } from '../../src/core/career.js';
import { similarRoles } from '../../src/core/similar.js';
import { pathFor } from '../../src/core/career-steps.js';
import { sourceUsage } from '../../src/core/sources.js';
import { renderRole } from '../../src/render/role.js';
import { renderList, renderSearch } from '../../src/render/lists.js';
import { renderQuestions, renderQuizResult } from '../../src/render/quiz.js';
import { renderCompare } from '../../src/render/compare.js';
import { renderGap, renderPath, renderSimilar } from '../../src/render/career.js';
import { renderAbout } from '../../src/render/about.js';
import { renderTable } from '../../src/render/table.js';
import { clean, displayWidth } from '../../src/text.js';
import { makeTheme, PLAIN } from '../../src/render/theme.js';
import { CareersError, NotFoundError, UsageError } from '../../src/errors.js';
import type { Quiz } from '../../src/model/quiz-schema.js';
import type { Role } from '../../src/model/schema.js';

const RUNS = { numRuns: 40 };

/** Sequences that drive a terminal: clear screen, clipboard write, hyperlink, title, bidi... */
const ATTACKS = [
  '\u001b[2J',
  '\u001b]52;c;SGVsbG8=\u0007',
  '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\',
  '\u001b]0;owned\u0007',
  '\u001b[31m',
  '\u009b2J',
  '\u001bc',
  '\r',
  '\u0007',
  '\u0008',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u0000',
];

/** Anything printable must be free of these once rendered (no-colour theme). */
const FORBIDDEN =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Hostile text: attack sequences, any ASCII (all C0 controls included) and some wide and
 * combining characters. (Long runs of random astral characters only make measuring widths
 * slow, not unsafe; the show property below feeds those as queries.)
 */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ATTACKS, '日本', 'e\u0301', '📊'),
      fc.string({ unit: 'binary-ascii', maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));

/** Fields that hold ids or references; the schema only lets `[a-z0-9-]` through there. */
const ID_KEYS = new Set(['id', 'type', 'source', 'sources', 'metro', 'socCodes', 'from', 'to']);

/** A deep copy with every free-text string replaced by `bad` around the original text. */
function poison<T>(value: T, bad: string, key = ''): T {
  if (typeof value === 'string') return (ID_KEYS.has(key) ? value : `${bad}${value}${bad}`) as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, bad, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, bad, k)])) as T;
  }
  return value;
}

let catalog: Catalog;
let quiz: Quiz;
/** Answers that rank roles, state requirements and so show every part of the result screen. */
const someAnswers = { day: 'figures', reconcile: 5, pay: 'high', avoid: ['phones'] };

beforeAll(() => {
  catalog = loadCatalog(BUILT_IN_DATA_DIR);
  quiz = loadQuiz(catalog);
});

const ctx = { theme: PLAIN, width: 100 };

function expectSafe(text: string): void {
  const hit = FORBIDDEN.exec(text);
  expect(hit && JSON.stringify(text.slice(Math.max(0, hit.index - 30), hit.index + 10))).toBe(null);
}

describe('terminal safety: hostile data renders as plain text', () => {
  test('every renderer, every section, with escape sequences in every free-text field', () => {
    // A small catalog keeps each run fast; the steps kept are those between its roles.
    const some = catalog.roles.slice(0, 8);
    const ids = new Set(some.map((r) => r.id));
    const steps = loadCareerPaths(BUILT_IN_DATA_DIR, catalog).steps.filter(
      (s) => ids.has(s.from) && ids.has(s.to),
    );
    expect(steps.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(hostile, (bad) => {
        const evil = makeCatalog(poison(some, bad), catalog.metros, catalog.dataDir + bad);
        const [a, b, c] = evil.roles as [Role, Role, Role];
        const out = [
          renderRole(ctx, evil, a, 'all', 'pay'),
          renderList(ctx, evil.roles, true),
          renderSearch(ctx, searchQuery(buildIndex(evil), 'clerk', 5)),
          renderCompare(ctx, compareRoles([a, b, c])),
          renderGap(ctx, evil, computeGap(a, b)),
          renderSimilar(ctx, evil, a.id, similarRoles(evil, a, 3)),
          renderPath(ctx, evil, pathFor(evil, poison(steps, bad), steps[0]?.from ?? a.id)),
          renderAbout(ctx, '0.0.0', evil, sourceUsage(evil)),
          renderQuizResult(ctx, rankQuiz(poison(quiz, bad), someAnswers, evil.roles)),
          renderQuestions(ctx, poison(quiz, bad)),
          renderTable({ theme: PLAIN, width: 100 }, [bad], [[bad]]),
        ];
        for (const text of out) expectSafe(text);
      }),
      { numRuns: 6 },
    );
  });

  test('with colour on, the only escape sequences left are our own SGR colours', () => {
    const a = poison(catalog.roles[0] as Role, ATTACKS.join('x'));
    const text = renderRole({ theme: makeTheme(true), width: 100 }, catalog, a, 'all', 'pay');
    expect(text).toContain('\u001b[1m'); // colour is really on
    expectSafe(text.replace(/\u001b\[[0-9;]*m/g, ''));
  });

  test('error messages and their details are sanitised (they echo user input)', () => {
    fc.assert(
      fc.property(hostile, hostile, (message, detail) => {
        const err = new NotFoundError(`no role matches "${message}"`, [detail]);
        expectSafe(err.message);
        for (const line of err.details) expectSafe(line);
      }),
      RUNS,
    );
  });

  test('clean keeps ordinary text, drops sequences whole (no payload left behind)', () => {
    expect(clean('Payroll\u001b]52;c;SGVsbG8=\u0007 Clerk\u001b[2J')).toBe('Payroll Clerk');
    expect(clean('a\u001b]8;;https://x/\u001b\\link\u001b]8;;\u001b\\b')).toBe('alinkb');
    expect(clean('Zoë 日本 ✓\nnext\tcol')).toBe('Zoë 日本 ✓\nnext col');
  });
});

describe('table layout with wide and combining characters', () => {
  const rows = [
    ['会計事務員', '¥1'],
    ['Cafe\u0301 clerk', '$2'],
    ['📊 Analyst', '$3'],
    ['Plain', '$4'],
  ];

  test('every line of the table has the same display width', () => {
    const lines = renderTable({ theme: PLAIN, width: 100 }, ['Role', 'Pay'], rows).split('\n');
    const widths = new Set(lines.map(displayWidth));
    expect(widths.size).toBe(1);
    // Columns line up: the second border sits at the same column on every row.
    const borderAt = (line: string) => displayWidth(line.slice(0, line.indexOf('│', 1)));
    expect(new Set(lines.filter((l) => l.startsWith('│')).map(borderAt)).size).toBe(1);
  });

  test('wide characters count two columns, combining marks none', () => {
    expect(displayWidth('会計')).toBe(4);
    expect(displayWidth('Cafe\u0301')).toBe(4);
    expect(displayWidth('📊')).toBe(2);
  });
});

describe('no throw for any input (only the documented typed errors)', () => {
  const typed = (err: unknown) => err instanceof UsageError || err instanceof NotFoundError;

  test('search: any query returns hits or a usage error (empty query)', () => {
    const index = buildIndex(catalog, loadSynonyms(BUILT_IN_DATA_DIR));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (q, n) => {
          try {
            const hits = search(index, q, n);
            expect(hits.length).toBeLessThanOrEqual(n);
          } catch (err) {
            expect(err).toBeInstanceOf(UsageError);
          }
        },
      ),
      RUNS,
    );
  });

  test('show: resolveRole + renderRole never throws but NotFound/Usage, output is safe', () => {
    const index = buildIndex(catalog, loadSynonyms(BUILT_IN_DATA_DIR));
    fc.assert(
      fc.property(
        fc.oneof(
          hostile,
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.constantFrom('data entry', 'bokeeper'),
        ),
        (name) => {
          try {
            const role = resolveRole(index, name);
            expectSafe(renderRole(ctx, catalog, role, 'all', 'pay'));
          } catch (err) {
            if (!typed(err)) throw err;
            expectSafe((err as CareersError).message);
            for (const line of (err as CareersError).details) expectSafe(line);
          }
        },
      ),
      RUNS,
    );
  });

  test('quiz: any answers document is scored or rejected with a usage error', () => {
    const ids = quiz.questions.map((q) => q.id);
    const choiceIds = quiz.questions.flatMap((q) =>
      'choices' in q ? q.choices.map((c) => c.id) : [],
    );
    const value = fc.oneof(
      fc.constantFrom(...choiceIds),
      fc.array(fc.constantFrom(...choiceIds), { maxLength: 4 }),
      fc.integer({ min: -3, max: 8 }),
      fc.double(),
      fc.constant(null),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const answers = fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...ids, '__proto__', 'constructor'), fc.string()),
        value,
      ),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(answers, (input) => {
        try {
          const parsed = parseAnswers(quiz, input, 'answers.yaml');
          const result = rankQuiz(quiz, parsed, catalog.roles);
          expect(result.ranked).toHaveLength(catalog.roles.length);
          for (const r of result.ranked) expect(r.score).toBeGreaterThanOrEqual(0);
          expectSafe(renderQuizResult(ctx, result));
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 60 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
