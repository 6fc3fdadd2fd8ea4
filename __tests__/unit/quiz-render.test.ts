/**
 * Quiz renderers: the JSON documents match their published zod schemas, and the text screens
 * show what they promise, in colour only when asked.
 */
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { because, parseAnswers, rankQuiz, reasons } from '../../src/core/quiz.js';
import { QuizQuestionsOutputSchema, QuizResultOutputSchema } from '../../src/core/output.js';
import {
  quizQuestionsJson,
  quizResultJson,
  renderQuestions,
  renderQuizResult,
} from '../../src/render/quiz.js';
import { renderJson } from '../../src/model/json.js';
import { makeTheme, PLAIN } from '../../src/render/theme.js';
import { hasAnsi } from '../helpers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const quiz = loadQuiz(catalog);
const skipAll = Object.fromEntries(quiz.questions.map((q) => [q.id, null]));
const answers = parseAnswers(
  quiz,
  { ...skipAll, day: 'leading', lead: 'now', experience: 'degree', tasks: ['phones'] },
  'test',
);
const result = rankQuiz(quiz, answers, catalog.roles);
const ranked = result.ranked;

describe('quiz JSON', () => {
  test('the result document matches QuizResultOutputSchema and ranks every role', () => {
    const doc = QuizResultOutputSchema.parse(
      JSON.parse(renderJson(quizResultJson(quiz, answers, result))),
    );
    expect(doc.results).toHaveLength(catalog.roles.length);
    expect(doc.results.map((r) => r.rank)).toEqual(catalog.roles.map((_, i) => i + 1));
    const first = doc.results[0];
    expect(first?.id).toBe(ranked[0]?.role.id);
    expect(first?.command).toBe(`careers show ${first?.id}`);
    expect(first?.why).toEqual(reasons(ranked[0]!).map((c) => c.questionId));
    expect(doc.answers.day).toBe('leading');
    expect(doc.answers.public).toBeNull();
    expect(doc.note).toBeNull();
    expect(first?.contributions[0]?.because).toBe(because(ranked[0]!.contributions[0]!));
  });

  test('requirements: stated, met by the first roles, and every ruled-out role says why', () => {
    const floor = parseAnswers(
      quiz,
      { ...skipAll, day: 'people', pay: 'high', avoid: ['phones'] },
      'test',
    );
    const doc = QuizResultOutputSchema.parse(
      JSON.parse(renderJson(quizResultJson(quiz, floor, rankQuiz(quiz, floor, catalog.roles)))),
    );
    expect(doc.requirements.map((r) => r.questionId)).toEqual(['pay', 'avoid']);
    expect(doc.meeting).toBeGreaterThan(0);
    const met = doc.results.slice(0, doc.meeting);
    expect(met.every((r) => r.meetsRequirements && (r.medianSalary ?? 0) >= 70000)).toBe(true);
    const out = doc.results.slice(doc.meeting);
    expect(out.every((r) => !r.meetsRequirements && r.unmet.length > 0)).toBe(true);
    expect(out.flatMap((r) => r.unmet.map((u) => u.reason))).toContainEqual(
      expect.stringMatching(/^BLS median pay \$[\d,]+ \(May 2024\) is under \$70,000$/),
    );
  });

  test('everything skipped: a note and no ranking', () => {
    const none = parseAnswers(quiz, skipAll, 'test');
    const nothing = rankQuiz(quiz, none, catalog.roles);
    const doc = QuizResultOutputSchema.parse(
      JSON.parse(renderJson(quizResultJson(quiz, none, nothing))),
    );
    expect(doc.results).toEqual([]);
    expect(doc.note).toMatch(/nothing to match on/);
    const text = renderQuizResult({ theme: PLAIN, width: 60 }, nothing);
    expect(text).toMatch(/nothing to match on/);
    expect(text).not.toMatch(/careers show/);
  });

  test('the questions document matches QuizQuestionsOutputSchema', () => {
    const doc = QuizQuestionsOutputSchema.parse(JSON.parse(renderJson(quizQuestionsJson(quiz))));
    expect(doc.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
    expect(doc.questions.find((q) => q.type === 'rating')?.scale).toMatchObject({ min: 1, max: 5 });
  });
});

describe('quiz text', () => {
  const ctx = { theme: PLAIN, width: 80 };

  test('the result screen explains each of the top three from its contributions', () => {
    const text = renderQuizResult(ctx, result);
    for (const r of ranked.slice(0, 3)) {
      expect(text).toContain(`${r.rank}. ${r.role.title}  ${r.score}/100`);
      expect(text).toContain(`careers show ${r.role.id}`);
      for (const c of reasons(r)) expect(text).toContain(`+${c.points.toFixed(1)}`);
    }
    // The explanation names the answer and the figure: "you chose X; this role's O*NET ...".
    expect(text.replace(/\s+/g, ' ')).toContain(
      `you chose "Leading a team and deciding how work gets done"; this role's O*NET`,
    );
    expect(text).not.toContain(`careers show ${ranked[3]?.role.id}`);
    expect(text).toContain(`Next: ${ranked[3]?.role.title} (${ranked[3]?.score})`);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(hasAnsi(text)).toBe(false);
    expect(hasAnsi(renderQuizResult({ theme: makeTheme(true), width: 80 }, result))).toBe(true);
  });

  test('the question list names every question and choice id', () => {
    const text = renderQuestions(ctx, quiz);
    for (const q of quiz.questions) {
      expect(text).toContain(q.id);
      if (q.type !== 'rating') for (const c of q.choices) expect(text).toContain(c.id);
    }
  });
});
