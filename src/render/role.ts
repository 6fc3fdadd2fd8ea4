/**
 * The role card printed by `careers show`: overview, then skills, salary, tools and cities
 * tables, then how to get there. Pure: data in, string out. (Over 400 lines: one card whose six
 * sections share its heading, footer and source citations; splitting it means moving those to
 * a module of their own first, so the sections do not import the card back.)
 */
import type { Role, Salary, Skill, Source, Tech } from '../model/schema.js';
import {
  compareText,
  headlineSalary,
  latestRpp,
  makeCatalog,
  type Catalog,
} from '../model/catalog.js';
import type { CityRow } from '../core/output.js';
import { topSoftware } from '../core/software.js';
import { tierAndRank } from '../core/similar.js';
import type { Theme } from './theme.js';
import { renderTable } from './table.js';
import {
  clean,
  cleanDeep,
  count,
  money,
  signedMoney,
  wrap,
  wrapStyled,
  type Styled,
} from '../text.js';
import { importanceBar, rangeBar, sparkline, UNICODE, type Glyphs } from './charts.js';

export const SECTIONS = ['overview', 'skills', 'salary', 'tools', 'cities', 'path', 'all'] as const;
export type Section = (typeof SECTIONS)[number];

export const CITY_SORTS = ['pay', 'adjusted', 'jobs', 'name'] as const;
export type CitySort = (typeof CITY_SORTS)[number];

export interface RenderContext {
  theme: Theme;
  /** Terminal width in columns. */
  width: number;
  /** Chart characters; Unicode unless ASCII was asked for or the terminal cannot show it. */
  glyphs?: Glyphs;
}

/**
 * A catalog whose every string is cleaned (see cleanDeep), rebuilt so its indexes point at the
 * cleaned roles. Renderers that take a catalog start with this.
 */
export function safeCatalog(catalog: Catalog): Catalog {
  if (catalog.textsAreClean) return catalog;
  const roles = cleanDeep(catalog.roles);
  const metros = cleanDeep(catalog.metros);
  const dataDir = clean(catalog.dataDir);
  if (roles === catalog.roles && metros === catalog.metros && dataDir === catalog.dataDir)
    return catalog;
  return makeCatalog(roles, metros, dataDir, true);
}

/** The chart characters of a render context. */
export function glyphs(ctx: RenderContext): Glyphs {
  return ctx.glyphs ?? UNICODE;
}

/** Cites the given source ids of a role as one footer line. */
function footer(ctx: RenderContext, role: Role, ids: Iterable<string>): string {
  const wanted = new Set(ids);
  const cited = role.sources.filter((s) => wanted.has(s.id)).map(citation);
  return cited.length ? ctx.theme.dim(wrap(`Source: ${cited.join('; ')}`, ctx.width)) : '';
}

/** "Title, publisher (period), licence" for one source. */
export function citation(s: Source): string {
  const parts = [s.title, s.publisher].filter(Boolean).join(', ');
  return `${parts} (${s.period})${s.license ? `, ${s.license}` : ''}`;
}

function heading(ctx: RenderContext, text: string): string {
  return ctx.theme.heading(text);
}

function overview(ctx: RenderContext, role: Role): string {
  const { theme } = ctx;
  const out: string[] = [];
  out.push(
    wrapStyled(
      [
        [role.title, theme.title],
        [`(${role.id})`, theme.dim],
      ],
      ctx.width,
    ),
  );
  const facts = [`O*NET-SOC ${role.socCodes.join(', ')}`];
  if (role.onetTitle && role.onetTitle !== role.title) facts.push(`O*NET title: ${role.onetTitle}`);
  if (role.jobZone) facts.push(`Job zone ${role.jobZone.level} of 5`);
  out.push(theme.dim(wrap(facts.join(' · '), ctx.width)));
  out.push('', wrap(role.summary, ctx.width));
  if (role.frontOffice)
    out.push(
      '',
      wrap(
        'Front office: this job faces customers all day. It is here to contrast with the back office roles, which work behind the scenes.',
        ctx.width,
      ),
    );
  // The project's aliases first, then O*NET's current titles (historic ones are not shown).
  const seen = new Set([role.title.toLowerCase()]);
  const names = [...role.aliases, ...role.onetTitles].filter(
    (n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()),
  );
  if (names.length) {
    const shown = names.slice(0, 10).join(', ');
    const more = names.length > 10 ? ` and ${names.length - 10} more` : '';
    out.push('', wrap(`Also called: ${shown}${more}`, ctx.width));
  }
  if (role.tasks.length) {
    out.push('', heading(ctx, 'What you do'));
    for (const t of role.tasks) out.push(wrap(`• ${t}`, ctx.width, '').replace(/\n/g, '\n  '));
  }
  if (role.jobZone || role.education) {
    out.push('', heading(ctx, 'Preparation'));
    if (role.jobZone) out.push(wrap(role.jobZone.name, ctx.width));
    if (role.education) out.push(wrap(role.education.summary, ctx.width));
    const flagged = (role.education?.levels ?? []).filter((l) => l.recommendSuppress);
    if (flagged.length)
      out.push(
        ctx.theme.dim(
          wrap(
            `! ${UNRELIABLE_NOTE}: ${flagged.map((l) => `${l.label} (${Math.round(l.share)}%)`).join(', ')}.`,
            ctx.width,
          ),
        ),
      );
  }
  if (role.industries.length)
    out.push(
      '',
      wrapStyled([['Industries:', theme.heading], [role.industries.join(', ')]], ctx.width),
    );
  return out.join('\n');
}

/** Said of a figure O*NET flags "recommend suppress". */
const UNRELIABLE = 'O*NET flags this figure as unreliable';
const UNRELIABLE_NOTE =
  'O*NET flags these shares as unreliable ("recommend suppress": small sample or high error)';

function skills(ctx: RenderContext, role: Role): string {
  if (role.skills.length === 0)
    return `${heading(ctx, 'Skills')}\nNo skills are recorded for this role.`;
  const columns = [
    { head: 'Skill', cell: (s: Skill) => s.name, show: true },
    {
      head: 'Importance (1–5)',
      cell: (s: Skill) =>
        s.importance !== undefined
          ? `${s.importance.toFixed(2)} ${importanceBar(s.importance - 1, 4, 16, glyphs(ctx))}`
          : '–',
      show: role.skills.some((s) => s.importance !== undefined),
    },
    { head: 'Note', cell: (s: Skill) => s.note ?? '', show: role.skills.some((s) => s.note) },
  ].filter((c) => c.show);
  const rows = role.skills.map((s) => columns.map((c) => c.cell(s)));
  return [
    heading(ctx, 'Skills'),
    renderTable(
      ctx,
      columns.map((c) => c.head),
      rows,
    ),
    footer(
      ctx,
      role,
      role.skills.map((s) => s.source),
    ),
  ].join('\n');
}

/** Salary figures shown as rows, one column per source entry. */
const SALARY_ROWS: Array<{ label: string; value: (s: Salary) => string | undefined }> = [
  { label: 'Median', value: (s) => opt(s.median, money) },
  { label: 'Mean (average)', value: (s) => opt(s.mean, money) },
  { label: '10th percentile', value: (s) => opt(s.p10, money) },
  { label: '25th percentile', value: (s) => opt(s.p25, money) },
  { label: '75th percentile', value: (s) => opt(s.p75, money) },
  { label: '90th percentile', value: (s) => opt(s.p90, money) },
  {
    label: 'Range quoted',
    value: (s) =>
      s.low !== undefined || s.high !== undefined ? `${money(s.low)}–${money(s.high)}` : undefined,
  },
  { label: 'Median hourly', value: (s) => opt(s.medianHourly, (h) => `$${h.toFixed(2)}`) },
  { label: 'Employment', value: (s) => opt(s.employment, count) },
];

function opt<T>(v: T | undefined, f: (v: T) => string): string | undefined {
  return v === undefined ? undefined : f(v);
}

function salary(ctx: RenderContext, role: Role): string {
  const out = [heading(ctx, 'Salary (US dollars a year)')];
  if (role.salary.length === 0) return `${out[0]}\nNo salary figures are recorded for this role.`;
  const head = ['', ...role.salary.map((s) => `${s.label}\n${s.period}`)];
  const rows = SALARY_ROWS.filter((r) => role.salary.some((s) => r.value(s) !== undefined)).map(
    (r) => [r.label, ...role.salary.map((s) => r.value(s) ?? '–')],
  );
  out.push(renderTable(ctx, head, rows, { right: role.salary.map((_, i) => i + 1) }));
  for (const note of role.salary.filter((s) => s.note))
    out.push(ctx.theme.dim(wrap(`Note: ${note.note}`, ctx.width)));
  const spread = role.salary.find(
    (s) => s.p10 !== undefined && s.p90 !== undefined && s.median !== undefined,
  );
  if (spread?.p10 !== undefined && spread.p90 !== undefined) {
    const bar = rangeBar(spread, spread.p10, spread.p90, Math.min(40, ctx.width - 36), glyphs(ctx));
    out.push(`Range, ${spread.period}: ${money(spread.p10)} ${bar} ${money(spread.p90)}`);
    const g = glyphs(ctx);
    out.push(
      ctx.theme.dim(
        `  ${g.whisker} 10th–90th percentile  ${g.box} 25th–75th  ${g.median} median ${money(spread.median)}`,
      ),
    );
  }
  const trend = role.salaryTrend;
  const first = trend?.points[0];
  const last = trend?.points[trend.points.length - 1];
  if (trend && first && last) {
    const change = ((last.median - first.median) / first.median) * 100;
    const line = sparkline(
      trend.points.map((p) => p.median),
      glyphs(ctx),
    );
    out.push(
      wrap(
        `Median trend ${first.period}–${last.period}: ${line} ${money(first.median)} ${glyphs(ctx).arrow} ${money(last.median)} (${change >= 0 ? '+' : ''}${change.toFixed(1)}%) · ${trend.label}`,
        ctx.width,
      ),
    );
  }
  const ids = role.salary.map((s) => s.source);
  if (trend) ids.push(trend.source);
  out.push(footer(ctx, role, ids));
  return out.join('\n');
}

/** Software or tools grouped by category, hot technologies first within each group. */
function techRows(items: Tech[]): string[][] {
  const groups = new Map<string, Tech[]>();
  for (const t of items) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([category, list]) => [
      category,
      [...list]
        .sort((a, b) => Number(b.hot) - Number(a.hot))
        .map((t) => (t.hot ? `${t.name} ★` : t.name))
        .join(', '),
    ]);
}

function tools(ctx: RenderContext, role: Role): string {
  const title = heading(ctx, 'Tools and software');
  if (role.software.length + role.tools.length === 0)
    return `${title}\nNo tools or software are recorded for this role.`;
  const out = [title];
  const { shown } = topSoftware(role.software);
  if (shown.length) out.push(renderTable(ctx, ['Software category', 'Software'], techRows(shown)));
  const more = role.software.length - shown.length;
  if (more)
    out.push(
      ctx.theme.dim(
        wrap(
          `${count(shown.length)} of ${count(role.software.length)} software examples shown (every hot and in-demand one, then a spread across categories) and ${count(more)} more; --json or export for all.`,
          ctx.width,
        ),
      ),
    );
  if (role.tools.length)
    out.push(renderTable(ctx, ['Tool category', 'Tools'], techRows(role.tools)));
  const hot = shown.filter((t) => t.hot).length;
  if (hot)
    out.push(
      ctx.theme.dim(
        wrap(`★ = O*NET Hot Technology, often named in job postings (${hot} here).`, ctx.width),
      ),
    );
  out.push(
    footer(
      ctx,
      role,
      [...role.software, ...role.tools].map((t) => t.source),
    ),
  );
  return out.join('\n');
}

/** City rows with price-adjusted medians (median ÷ RPP/100), sorted as asked. */
export function cityRows(catalog: Catalog, role: Role, sort: CitySort = 'pay'): CityRow[] {
  const named = catalog.namedCities;
  const rows: CityRow[] = role.cities.map((c) => {
    const metro = c.metro ? catalog.metroById.get(c.metro) : undefined;
    const rpp = metro ? latestRpp(metro) : undefined;
    const adjusted =
      c.median !== undefined && rpp ? Math.round(c.median / (rpp.value / 100)) : undefined;
    return {
      name: c.name,
      state: c.state,
      employment: c.employment,
      median: c.median,
      p25: c.p25,
      p75: c.p75,
      adjusted,
      rppYear: adjusted !== undefined ? rpp?.year : undefined,
      note: c.note,
      namedBy: (c.metro && named.get(c.metro)) || [],
    };
  });
  const key: Record<CitySort, (r: CityRow) => number> = {
    pay: (r) => r.median ?? -1,
    adjusted: (r) => r.adjusted ?? -1,
    jobs: (r) => r.employment ?? -1,
    name: () => 0,
  };
  return rows.sort((a, b) => key[sort](b) - key[sort](a) || compareText(a.name, b.name));
}

/**
 * The † footnote: which profile names which city, grouped by the profiles that name it
 * ("New York and Chicago by the A and B profiles; Houston by the B profile only").
 */
function namedCitiesNote(rows: CityRow[]): string | undefined {
  const groups = new Map<string, { namers: string[]; cities: string[] }>();
  for (const r of rows.filter((x) => x.namedBy.length)) {
    const namers = [...new Set(r.namedBy.map(clean))].sort(compareText);
    const key = namers.join('\n');
    const group = groups.get(key) ?? { namers, cities: [] };
    group.cities.push(r.name);
    groups.set(key, group);
  }
  if (groups.size === 0) return undefined;
  const all = new Set([...groups.values()].flatMap((g) => g.namers));
  const parts = [...groups.values()]
    .sort((a, b) => b.namers.length - a.namers.length || compareText(a.cities[0]!, b.cities[0]!))
    .map((g) => {
      const by = `the ${andList(g.namers)} profile${g.namers.length > 1 ? 's' : ''}`;
      return `${andList(g.cities)} by ${by}${g.namers.length < all.size ? ' only' : ''}`;
    });
  return `† named as a top city for back office jobs: ${parts.join('; ')}.`;
}

const andList = (items: string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

function cities(ctx: RenderContext, catalog: Catalog, role: Role, sort: CitySort): string {
  const out = [heading(ctx, 'Cities')];
  if (role.cities.length === 0)
    return `${out[0]}\nNo cities are named for this role in its sources.`;
  const rows = cityRows(catalog, role, sort);
  const national = headlineSalary(role)?.median;
  const withFigures = rows.some((r) => r.median !== undefined);
  if (withFigures) {
    const rppYear = rows.find((r) => r.rppYear !== undefined)?.rppYear;
    const head = ['City', 'Jobs', 'Median', 'p25–p75', 'Adj. median*', 'vs US median'];
    const body = rows.map((r) => {
      const diff =
        r.median !== undefined && national !== undefined ? r.median - national : undefined;
      const diffText = signedMoney(diff);
      return [
        `${r.name}, ${r.state}${r.namedBy.length ? ' †' : ''}`,
        count(r.employment),
        money(r.median),
        r.p25 !== undefined ? `${money(r.p25)}–${money(r.p75)}` : '–',
        money(r.adjusted),
        diffText,
      ];
    });
    out.push(
      renderTable(ctx, head, body, {
        right: [1, 2, 3, 4, 5],
        fold: [
          [3, 2],
          [5, 4],
        ],
      }),
    );
    const namedNote = namedCitiesNote(rows);
    if (namedNote) out.push(ctx.theme.dim(wrap(namedNote, ctx.width)));
    out.push(
      ctx.theme.dim(
        wrap(
          `* Median adjusted for local prices: median ÷ (regional price parity / 100), BEA RPP ${rppYear ?? ''}, a calendar-year price index for all consumers (US = 100).`,
          ctx.width,
        ),
      ),
    );
  } else {
    out.push(
      renderTable(
        ctx,
        ['City', 'State', 'Why listed'],
        rows.map((r) => [r.name, r.state, r.note ?? '']),
      ),
    );
    out.push('No metro wage figures are available for this role.');
  }
  out.push(
    footer(
      ctx,
      role,
      role.cities.flatMap((c) => c.sources),
    ),
  );
  const priceSource = catalog.metros[0] && clean(catalog.metros[0].source);
  if (withFigures && priceSource)
    out.push(ctx.theme.dim(wrap(`Price parities: ${priceSource}`, ctx.width)));
  return out.join('\n');
}

function path(ctx: RenderContext, catalog: Catalog, role: Role, careerPath?: string): string {
  const out: string[] = [];
  if (careerPath) out.push(heading(ctx, 'Career path'), careerPath.trimEnd(), '');
  if (role.howToBecome.length) {
    out.push(heading(ctx, 'How to become one'));
    role.howToBecome.forEach((s, i) =>
      // The hanging indent counts in the width (10. and up hang one further).
      out.push(
        wrapStyled(
          [
            [s.step],
            ...(s.recommendSuppress ? [[` ${UNRELIABLE}.`, ctx.theme.dim] satisfies Styled] : []),
          ],
          ctx.width,
          `${i + 1}. `,
          ' '.repeat(`${i + 1}. `.length),
        ),
      ),
    );
  }
  if (role.certifications.length) {
    out.push('', heading(ctx, 'Certifications'));
    for (const c of role.certifications)
      out.push(
        wrapStyled(
          [[`${c.name}${c.abbreviation ? ` (${c.abbreviation})` : ''}`]],
          ctx.width,
          '• ',
          '  ',
        ),
      );
  }
  if (role.relatedRoles.length) {
    out.push('', heading(ctx, 'Related roles'));
    // O*NET's own tier and rank of each related role, when its list names it (onetRelated).
    const onet = new Map((role.onetRelated?.roles ?? []).map((r) => [r.id, r]));
    const rank = (id: string) => {
      const r = onet.get(id);
      return r ? tierAndRank(r) : '';
    };
    const rows = role.relatedRoles.map((r) => {
      const other = catalog.brief(r.id);
      const cells = [`${clean(other?.title ?? r.id)}\n${r.id}`, money(other?.median)];
      return [...cells, ...(onet.size ? [rank(r.id)] : []), r.reason ?? ''];
    });
    const head = ['Role (id)', 'Median', ...(onet.size ? ['O*NET related'] : []), 'Why related'];
    out.push(renderTable(ctx, head, rows, { right: [1] }));
  }
  return (
    out.join('\n').replace(/^\n+/, '') || 'No career path information is recorded for this role.'
  );
}

function sourcesList(ctx: RenderContext, role: Role): string {
  return [
    heading(ctx, 'Sources'),
    ...role.sources.map((s) => ctx.theme.dim(wrap(`• ${citation(s)}`, ctx.width))),
  ].join('\n');
}

/** Renders one section of a role card, or all of them. */
export function renderRole(
  ctx: RenderContext,
  catalog: Catalog,
  role: Role,
  section: Section = 'all',
  citySort: CitySort = 'pay',
  /** The career path tree (render/career.ts renderPath), shown in the path section. */
  careerPath?: string,
): string {
  // Only this role is cleaned whole; the few texts taken from other roles and the metros are
  // cleaned where used, so showing one role of a big lazy catalog reads no others.
  role = cleanDeep(role);
  const parts: Record<Exclude<Section, 'all'>, () => string> = {
    overview: () => overview(ctx, role),
    skills: () => skills(ctx, role),
    salary: () => salary(ctx, role),
    tools: () => tools(ctx, role),
    cities: () => cities(ctx, catalog, role, citySort),
    path: () => path(ctx, catalog, role, careerPath),
  };
  if (section !== 'all') return parts[section]() + '\n';
  return [...Object.values(parts).map((f) => f()), sourcesList(ctx, role)].join('\n\n') + '\n';
}
