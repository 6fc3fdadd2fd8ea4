/**
 * Personas a counsellor wrote (__tests__/fixtures/quiz-personas.yaml), each with the roles they
 * would expect in a sensible top 3. A persona lands when at least two of the top 3 are expected.
 * The test prints how many land, per fold (tuning personas and held-out ones), and fails below
 * 13 of 15 (the same share for the number of personas in the file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import { makeRanker, parseAnswers } from '../../src/core/quiz.js';

interface Persona {
  id: string;
  fold: 'tune' | 'held-out';
  note: string;
  answers: Record<string, unknown>;
  expect: string[];
}

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const quiz = loadQuiz(catalog);
const rank = makeRanker(quiz, catalog.roles);
const file = join(process.cwd(), '__tests__', 'fixtures', 'quiz-personas.yaml');
const personas = (parse(readFileSync(file, 'utf8')) as { personas: Persona[] }).personas;

const outcomes = personas.map((p) => {
  const given = Object.fromEntries(quiz.questions.map((q) => [q.id, p.answers[q.id] ?? 'skip']));
  const answers = parseAnswers(quiz, given, `persona ${p.id}`);
  const result = rank(answers);
  const top3 = result.ranked.slice(0, 3).map((r) => r.role.id);
  const hits = top3.filter((id) => p.expect.includes(id)).length;
  return { persona: p, result, top3, lands: hits >= 2 };
});

describe('quiz personas', () => {
  test('every persona names known roles and valid answers', () => {
    const ids = new Set(catalog.roles.map((r) => r.id));
    for (const p of personas) {
      expect(p.expect.filter((id) => !ids.has(id))).toEqual([]);
      for (const key of Object.keys(p.answers))
        expect(quiz.questions.map((q) => q.id)).toContain(key);
    }
    expect(personas.length).toBeGreaterThanOrEqual(15);
  });

  test('a counsellor would sign most top 3s (fails below 13 of 15)', () => {
    const count = (fold?: string) =>
      outcomes.filter((o) => o.lands && (!fold || o.persona.fold === fold)).length;
    const size = (fold: string) => outcomes.filter((o) => o.persona.fold === fold).length;
    const landed = count();
    console.log(
      `quiz personas: ${landed} of ${personas.length} land (tuning ${count('tune')} of ${size('tune')}, ` +
        `held out ${count('held-out')} of ${size('held-out')})\n` +
        outcomes
          .map(
            (o) =>
              `  ${o.lands ? 'ok  ' : 'MISS'} ${o.persona.id} (${o.persona.fold}): ${o.top3.join(', ')}`,
          )
          .join('\n'),
    );
    expect(landed / personas.length).toBeGreaterThanOrEqual(13 / 15);
  });

  test('the #1 role meets every requirement a persona states, or none does', () => {
    for (const o of outcomes) {
      const first = o.result.ranked[0];
      if (o.result.meeting > 0) expect(first?.unmet).toEqual([]);
      else expect(o.result.ranked.every((r) => r.unmet.length > 0)).toBe(true);
    }
  });
});
