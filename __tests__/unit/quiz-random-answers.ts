/** Seeded random quiz answers, shared by the quiz tests that sample answer sets. */
import type { Quiz } from '../../src/model/quiz-schema.js';
import type { Answers } from '../../src/core/quiz.js';

/** A small seeded generator (mulberry32), so a sample is the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One answer set: each question skipped one time in ten, multi choices ticked one in four. */
export function randomAnswers(quiz: Quiz, next: () => number): Answers {
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
