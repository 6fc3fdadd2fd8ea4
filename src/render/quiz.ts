/**
 * Quiz output: the result screen, the question list, and their JSON documents with the zod
 * schemas that define them.
 */
import { headlineSalary } from '../model/catalog.js';
import { reasons, type Answers, type Contribution, type RankedRole } from '../core/quiz.js';
import type { Quiz } from '../model/quiz-schema.js';
import { RATING_MAX, RATING_MIN, SKIP } from '../model/quiz-constants.js';
import type { QuizQuestionsData, QuizResultData } from '../core/output.js';
import type { RenderContext } from './role.js';
import { clean, cleanDeep, money, wrap, wrapStyled } from '../text.js';

/** How many roles the result screen shows in full. */
export const TOP = 3;

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;

/** Wraps text so that lines after the first start at `indent`. */
function hang(text: string, width: number, indent: string): string {
  return wrap(text, width - indent.length)
    .split('\n')
    .join(`\n${indent}`);
}

function whyLines(ctx: RenderContext, c: Contribution): string[] {
  const { theme, width } = ctx;
  const indent = ' '.repeat(10);
  const head = `${c.question} → ${c.answer}`;
  const matched = c.parts
    .filter((p) => p.points > 0)
    .slice(0, 2)
    .map((p) => `${p.label} (${p.roleValue})`)
    .join(', ');
  const lines = [`   ${theme.good(signed(c.points).padStart(5))}  ${hang(head, width, indent)}`];
  if (matched) lines.push(theme.dim(`${indent}${hang(`matched: ${matched}`, width, indent)}`));
  return lines;
}

/** The result screen: the top roles with score, why, median pay and where to read more. */
export function renderQuizResult(ctx: RenderContext, ranked: RankedRole[]): string {
  ranked = cleanDeep(ranked);
  const { theme, width } = ctx;
  const out: string[] = [theme.heading('Your best matches'), ''];
  for (const r of ranked.slice(0, TOP)) {
    out.push(
      `${theme.title(`${r.rank}. ${clean(r.role.title)}`)}  ${theme.accent(`${r.score}/100`)}`,
    );
    const salary = headlineSalary(r.role);
    if (salary?.median !== undefined)
      out.push(`   Median pay ${money(salary.median)} a year (US, ${clean(salary.period)})`);
    const why = reasons(r);
    out.push(why.length > 0 ? '   Why:' : '   Why: none of your answers pointed here strongly.');
    for (const c of why) out.push(...whyLines(ctx, c));
    out.push(`   More: ${theme.accent(`careers show ${r.role.id}`)}`, '');
  }
  const next = ranked.slice(TOP, TOP + 3).map((r) => `${clean(r.role.title)} (${r.score})`);
  if (next.length > 0) out.push(wrap(`Next: ${next.join(', ')}`, width));
  out.push(
    theme.dim(
      wrap(
        'Scores run from 0 to 100: 50 is an average role for your answers, 100 the best fit on every answer. ' +
          'Each "why" line shows how many points an answer added and what in the role data it matched. ' +
          'All roles and every contribution: careers quiz --json.',
        width,
      ),
    ),
  );
  return out.join('\n') + '\n';
}

/** Every question with its id, kind and choice ids, for writing an answers file. */
export function renderQuestions(ctx: RenderContext, quiz: Quiz): string {
  quiz = cleanDeep(quiz);
  const { theme, width } = ctx;
  const out: string[] = [theme.heading(clean(quiz.title)), ''];
  for (const q of quiz.questions) {
    const kind =
      q.type === 'single'
        ? 'one choice id'
        : q.type === 'multi'
          ? 'a list of choice ids'
          : `a rating ${RATING_MIN}–${RATING_MAX}`;
    out.push(`${theme.title(q.id)}  ${theme.dim(`(${kind})`)}`);
    out.push(wrap(q.text, width, '  '));
    if (q.type === 'rating') {
      out.push(wrap(`${RATING_MIN} = ${q.low}, ${RATING_MAX} = ${q.high}`, width, '    '));
    } else {
      const idWidth = Math.max(...q.choices.map((c) => c.id.length));
      // Labels hang beside their ids, or under them when the ids leave too little room.
      const beside = width - idWidth - 6 >= 24;
      for (const c of q.choices)
        out.push(
          beside
            ? wrapStyled(
                [[c.label]],
                width,
                `    ${theme.accent(c.id)}${' '.repeat(idWidth - c.id.length + 2)}`,
                ' '.repeat(idWidth + 6),
              )
            : `    ${theme.accent(c.id)}\n${wrap(c.label, width, '      ')}`,
        );
    }
    out.push('');
  }
  out.push(
    theme.dim(
      wrap(
        `An answers file for --answers maps each question id to its answer, e.g. "day: figures", ` +
          `"tasks: [filing, invoices]", "reconcile: 4"; "${SKIP}" skips a question.`,
        width,
      ),
    ),
  );
  return out.join('\n') + '\n';
}

/** The result as data for --json (renderJson adds schemaVersion and currency). */
export function quizResultJson(quiz: Quiz, answers: Answers, ranked: RankedRole[]): QuizResultData {
  return {
    quiz: quiz.title,
    answers,
    results: ranked.map((r) => {
      const salary = headlineSalary(r.role);
      return {
        rank: r.rank,
        id: r.role.id,
        title: r.role.title,
        score: r.score,
        medianSalary: salary?.median ?? null,
        salaryPeriod: salary?.median !== undefined ? salary.period : null,
        why: reasons(r).map((c) => c.questionId),
        command: `careers show ${r.role.id}`,
        contributions: r.contributions,
      };
    }),
  };
}

/** The questions as data for --questions --json. */
export function quizQuestionsJson(quiz: Quiz): QuizQuestionsData {
  return {
    title: quiz.title,
    questions: quiz.questions.map((q) =>
      q.type === 'rating'
        ? {
            id: q.id,
            type: q.type,
            text: q.text,
            ...(q.help ? { help: q.help } : {}),
            scale: { min: RATING_MIN, max: RATING_MAX, low: q.low, high: q.high },
            weights: q.weights,
          }
        : {
            id: q.id,
            type: q.type,
            text: q.text,
            ...(q.help ? { help: q.help } : {}),
            choices: q.choices.map((c) => ({ id: c.id, label: c.label, weights: c.weights })),
          },
    ),
  };
}
