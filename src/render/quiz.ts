/**
 * Quiz output: the result screen, the question list, and their JSON documents with the zod
 * schemas that define them.
 */
import { headlineSalary } from '../model/catalog.js';
import {
  because,
  reasons,
  type Answers,
  type Contribution,
  type QuizResult,
  type RankedRole,
} from '../core/quiz.js';
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
  const lines = [
    `   ${theme.good(signed(c.points).padStart(5))}  ${hang(c.question, width, indent)}`,
  ];
  lines.push(theme.dim(`${indent}${hang(because(c), width, indent)}`));
  return lines;
}

/** Said when no answer says anything about any role. */
export const NOTHING_TO_MATCH =
  'You skipped every question, so there is nothing to match on and no role is ranked. ' +
  'Answer at least one question (careers quiz), or browse every role: careers list.';

/** How many roles a "ruled out" line names before "and N more". */
const NAMED = 4;

/** The requirements block: what was asked, and which roles each one ruled out. */
function requirementLines(ctx: RenderContext, result: QuizResult): string[] {
  const { theme, width } = ctx;
  if (result.requirements.length === 0) return [];
  const out: string[] = [];
  for (const req of result.requirements) {
    const failing = result.ranked.filter((r) =>
      r.unmet.some((u) => u.questionId === req.questionId && u.requirement === req.answer),
    );
    const names = failing.slice(0, NAMED).map((r) => clean(r.role.title));
    const more = failing.length > NAMED ? `, and ${failing.length - NAMED} more` : '';
    const ruled =
      failing.length === 0
        ? 'rules out no role'
        : `rules out ${failing.length} role${failing.length === 1 ? '' : 's'}: ${names.join(', ')}${more}`;
    out.push(`- ${hang(`"${req.answer}" (${req.text}) ${ruled}.`, width - 2, '  ')}`);
  }
  const head =
    result.meeting === 0
      ? theme.bad(
          'No role meets all your requirements; the closest roles follow, each with what it misses.',
        )
      : `Your requirements (${result.meeting} of ${result.ranked.length} roles meet them all):`;
  return [wrap(head, width), ...out, ''];
}

/** The result screen: the top roles with score, why, median pay and where to read more. */
export function renderQuizResult(ctx: RenderContext, result: QuizResult): string {
  const ranked = cleanDeep(result.ranked);
  const { theme, width } = ctx;
  if (result.nothingToMatch) return wrap(NOTHING_TO_MATCH, width) + '\n';
  const out: string[] = [theme.heading('Your best matches'), ''];
  out.push(...requirementLines(ctx, { ...result, ranked }));
  for (const r of ranked.slice(0, TOP)) {
    out.push(
      `${theme.title(`${r.rank}. ${clean(r.role.title)}`)}  ${theme.accent(`${r.score}/100`)}`,
    );
    const salary = headlineSalary(r.role);
    if (salary?.median !== undefined)
      out.push(`   Median pay ${money(salary.median)} a year (US, ${clean(salary.period)})`);
    for (const u of r.unmet)
      out.push(
        theme.bad(`   ${hang(`Misses "${u.requirement}": ${u.reason}`, width - 3, '     ')}`),
      );
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
          'Each "why" line shows how many points an answer added and the O*NET or BLS figure behind them. ' +
          'All roles, every contribution and every role a requirement ruled out: careers quiz --json.',
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
export function quizResultJson(quiz: Quiz, answers: Answers, result: QuizResult): QuizResultData {
  return {
    quiz: quiz.title,
    answers,
    note: result.nothingToMatch
      ? NOTHING_TO_MATCH
      : result.meeting === 0 && result.requirements.length > 0
        ? 'No role meets all your requirements; roles are ranked by score, each with what it misses.'
        : null,
    requirements: result.requirements.map((r) => ({
      questionId: r.questionId,
      answer: r.answer,
      text: r.text,
    })),
    meeting: result.meeting,
    results: result.nothingToMatch ? [] : result.ranked.map((r) => resultJson(r)),
  };
}

function resultJson(r: RankedRole): QuizResultData['results'][number] {
  const salary = headlineSalary(r.role);
  return {
    rank: r.rank,
    id: r.role.id,
    title: r.role.title,
    score: r.score,
    medianSalary: salary?.median ?? null,
    salaryPeriod: salary?.median !== undefined ? salary.period : null,
    meetsRequirements: r.unmet.length === 0,
    unmet: r.unmet,
    why: reasons(r).map((c) => c.questionId),
    command: `careers show ${r.role.id}`,
    contributions: r.contributions.map((c) => ({ ...c, because: because(c) })),
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
            choices: q.choices.map((c) => ({
              id: c.id,
              label: c.label,
              weights: c.weights,
              ...(c.requires ? { requires: c.requires } : {}),
            })),
          },
    ),
  };
}
