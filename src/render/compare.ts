/**
 * The `careers compare` table: one column per role, one row per aspect. Pure: data in, string out.
 */
import type { CompareData, ComparedRole } from '../core/output.js';
import { glyphs, type RenderContext } from './role.js';
import { rangeBar } from './charts.js';
import { commonScale } from './lists.js';
import { renderTable } from './table.js';
import { cleanDeep, money, wrap } from '../text.js';

/** Said of a share O*NET flags "recommend suppress" (small sample or high error). */
const UNRELIABLE = 'unreliable per O*NET';
/** Unique software listed per cell before "+N more". */
const SOFTWARE_SHOWN = 6;

function pay(r: ComparedRole): { median: string; range: string } {
  const s = r.salary;
  if (!s) return { median: '–', range: '–' };
  const range =
    s.p10 !== undefined && s.p90 !== undefined
      ? `${money(s.p10)}–${money(s.p90)}`
      : s.low !== undefined && s.high !== undefined
        ? `${money(s.low)}–${money(s.high)} (range quoted)`
        : '–';
  return { median: money(s.median), range };
}

function software(r: ComparedRole): string {
  const shown = r.software.unique.slice(0, SOFTWARE_SHOWN).map((n) => `• ${n}`);
  const more = r.software.unique.length - shown.length;
  return [
    `${r.software.count} listed, ${r.software.unique.length} only here`,
    ...shown,
    ...(more > 0 ? [`+${more} more`] : []),
  ].join('\n');
}

/** Renders the comparison table and a line naming the software every role shares. */
export function renderCompare(ctx: RenderContext, data: CompareData): string {
  data = cleanDeep(data);
  const roles = data.roles;
  const row = (label: string, cell: (r: ComparedRole) => string) => [label, ...roles.map(cell)];
  // Pay bars share one scale across the compared roles, so their lengths can be compared.
  const scale = commonScale(roles.map((r) => r.salary ?? {}));
  const barWidth = Math.max(10, Math.floor((ctx.width - 20) / roles.length) - 5);
  const g = glyphs(ctx);
  const rows = [
    row('Id', (r) => r.id),
    row('Median pay', (r) => pay(r).median),
    row('p10–p90', (r) => pay(r).range),
    ...(scale
      ? [
          row('Pay range', (r) =>
            r.salary ? rangeBar(r.salary, scale.min, scale.max, barWidth, g) : '–',
          ),
        ]
      : []),
    row('Pay period', (r) => (r.salary ? r.salary.period : '–')),
    row('Job zone', (r) => (r.jobZone ? `${r.jobZone.level} of 5` : '–')),
    row('Education', (r) => {
      const e = r.education;
      if (!e) return '–';
      if (!e.mostCommon) return e.summary;
      // "Most" only for a majority; a largest minority is "the largest group".
      const lead = e.mostCommon.share > 50 ? 'Most say' : 'Largest group';
      const flagged = e.mostCommon.recommendSuppress ? `, ${UNRELIABLE}` : '';
      return `${lead}: ${e.mostCommon.label} (${Math.round(e.mostCommon.share)}%${flagged})`;
    }),
    row('Top skills', (r) =>
      r.topSkills.length
        ? r.topSkills
            .map((s) => (s.importance === null ? s.name : `${s.name} ${s.importance.toFixed(2)}`))
            .join('\n')
        : '–',
    ),
    row('Software', software),
    row('Certifications', (r) => (r.certifications.length ? r.certifications.join('\n') : '–')),
  ];
  const shared = data.sharedSoftware.length
    ? `Software every role lists (${data.sharedSoftware.length}): ${data.sharedSoftware.join(', ')}`
    : 'No software is listed by every role.';
  return (
    [
      renderTable(ctx, ['', ...roles.map((r) => r.title)], rows, { stackBy: 'column' }),
      wrap(shared, ctx.width),
      ctx.theme.dim(
        wrap(
          `Pay: national annual wages in US dollars${scale ? `; bars on one scale from ${money(scale.min)} to ${money(scale.max)} (${g.whisker} p10–p90, ${g.box} p25–p75, ${g.median} median)` : ''}. Skills: O*NET importance, 1–5. Job zone: O*NET preparation level, 1–5.`,
          ctx.width,
        ),
      ),
    ].join('\n') + '\n'
  );
}
