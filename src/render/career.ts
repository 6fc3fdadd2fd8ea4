/**
 * Renderers for `path`, `gap` and `similar`.
 */
import { headlineSalary, type Catalog } from '../model/catalog.js';
import type { Gap } from '../core/career.js';
import { tierAndRank, type Similarity } from '../core/similar.js';
import { stepKind, type PathView, type StepView } from '../core/career-steps.js';
import { glyphs, safeCatalog, type RenderContext } from './role.js';
import { renderTable } from './table.js';
import { clean, cleanDeep, money, signedMoney, wrap, wrapStyled } from '../text.js';
import { importanceBar } from './charts.js';

function zone(z: number | null): string {
  return z === null ? '?' : String(z);
}

function title(catalog: Catalog, id: string): string {
  return clean(catalog.byId.get(id)?.title ?? id);
}

function pay(catalog: Catalog, id: string): string {
  const role = catalog.byId.get(id);
  return money(role ? headlineSalary(role)?.median : undefined);
}

function stepLine(
  ctx: RenderContext,
  catalog: Catalog,
  s: StepView,
  indent: string,
  arrow: string,
): string {
  const from = catalog.byId.get(s.from);
  const kind = stepKind(s, from ? headlineSalary(from)?.median : undefined);
  const change = `${signedMoney(s.payChange)} median, zone ${zone(s.zoneFrom)}${glyphs(ctx).arrow}${zone(s.zoneTo)}`;
  return wrapStyled(
    [
      [title(catalog, s.to), ctx.theme.title],
      [pay(catalog, s.to)],
      [`(${change}: ${kind.kind}, ${kind.why})`, ctx.theme.dim],
    ],
    ctx.width,
    `${indent}${arrow} `,
    `${indent}${' '.repeat(arrow.length + 1)}`,
  );
}

/** The ladder diagram for `careers path`. */
export function renderPath(ctx: RenderContext, catalog: Catalog, view: PathView): string {
  catalog = safeCatalog(catalog);
  view = cleanDeep(view);
  const { arrow, branch } = glyphs(ctx);
  const out: string[] = [];
  const role = catalog.byId.get(view.role);
  const zoneNow = role?.jobZone?.level ?? null;
  if (view.incoming.length) {
    out.push(ctx.theme.heading('Where people come from'));
    for (const s of view.incoming) {
      out.push(
        wrapStyled(
          [
            [title(catalog, s.from)],
            [pay(catalog, s.from)],
            [`${glyphs(ctx).dash} ${s.reason}`, ctx.theme.dim],
          ],
          ctx.width,
          '  ',
          '    ',
        ),
      );
    }
    out.push('');
  }
  out.push(
    wrapStyled(
      [
        ['You are here:', ctx.theme.heading],
        [title(catalog, view.role), ctx.theme.title],
        [`${pay(catalog, view.role)}, job zone ${zone(zoneNow)}`],
      ],
      ctx.width,
    ),
  );
  if (view.ladders.length === 0) {
    out.push(
      '',
      view.top
        ? wrap(`Top of its ladder in this data: ${view.top}`, ctx.width)
        : 'No further steps are recorded from this role.',
    );
    return out.join('\n') + '\n';
  }
  out.push('', ctx.theme.heading('Where it can lead'));
  // Print ladders as a tree: shared beginnings are printed once.
  const printed = new Set<string>();
  view.ladders.forEach((ladder) => {
    ladder.forEach((s, depth) => {
      const key = ladder
        .slice(0, depth + 1)
        .map((x) => x.to)
        .join('>');
      if (printed.has(key)) return;
      printed.add(key);
      const indent = '  ' + '   '.repeat(depth);
      out.push(stepLine(ctx, catalog, s, indent, depth === 0 ? arrow : branch));
      out.push(ctx.theme.dim(wrap(s.reason, ctx.width, `${indent}   `)));
    });
  });
  out.push(
    '',
    ctx.theme.dim(
      wrap(
        'Pay: change in national median (BLS OEWS May 2024). Zone: O*NET job zone, the preparation a job needs (1–5).',
        ctx.width,
      ),
    ),
  );
  return out.join('\n') + '\n';
}

/** The `careers gap` report. */
export function renderGap(ctx: RenderContext, catalog: Catalog, gap: Gap): string {
  catalog = safeCatalog(catalog);
  gap = cleanDeep(gap);
  const out: string[] = [];
  out.push(
    wrapStyled(
      [
        [title(catalog, gap.from), ctx.theme.title],
        [glyphs(ctx).arrow, ctx.theme.dim],
        [title(catalog, gap.to), ctx.theme.title],
      ],
      ctx.width,
    ),
  );
  out.push(
    `Median pay: ${pay(catalog, gap.from)} ${glyphs(ctx).arrow} ${pay(catalog, gap.to)} (${signedMoney(gap.payChange)})`,
  );
  out.push(`Job zone: ${zone(gap.jobZone.from)} ${glyphs(ctx).arrow} ${zone(gap.jobZone.to)}`);
  if (gap.education.to)
    out.push(wrap(`Education for the target role: ${gap.education.to}`, ctx.width));
  if (gap.firstThree.length) {
    out.push('', ctx.theme.heading('First three things to learn'));
    gap.firstThree.forEach((t, i) =>
      out.push(wrapStyled([[t]], ctx.width, `  ${i + 1}. `, '     ')),
    );
  }
  if (gap.skills.length) {
    out.push('', ctx.theme.heading('Skills that matter more (O*NET importance 1–5)'));
    const rows = gap.skills.map((s) => [
      s.name,
      s.from === null ? 'under 3' : s.from.toFixed(2),
      `${s.to.toFixed(2)} ${importanceBar(s.to - 1, 4, 12, glyphs(ctx))}`,
      `+${s.rise.toFixed(2)}`,
    ]);
    out.push(renderTable(ctx, ['Skill', 'Now', 'Target', 'Rise'], rows, { right: [1, 3] }));
  }
  if (gap.software.length) {
    out.push('', ctx.theme.heading('Software to learn'));
    const hot = gap.software.filter((t) => t.hot).map((t) => t.name);
    const rest = gap.software.filter((t) => !t.hot).map((t) => t.name);
    if (hot.length) out.push(wrap(`Hot technologies: ${hot.join(', ')}`, ctx.width));
    if (rest.length) out.push(wrap(`Also used: ${rest.join(', ')}`, ctx.width));
  }
  if (gap.tools.length)
    out.push('', wrapStyled([['Tools:', ctx.theme.heading], [gap.tools.join(', ')]], ctx.width));
  if (gap.certifications.length)
    out.push(
      '',
      wrapStyled(
        [['Certifications:', ctx.theme.heading], [gap.certifications.join(', ')]],
        ctx.width,
      ),
    );
  out.push(
    '',
    ctx.theme.dim(
      wrap(
        'Sources: O*NET 29.2 (CC BY 4.0) for skills, software and job zones; BLS OEWS May 2024 for pay.',
        ctx.width,
      ),
    ),
  );
  return out.join('\n') + '\n';
}

/** A relation in a table cell: "primary, rank 3", "its list: supplemental, rank 14". */
function relationLabel(r: Similarity['relation']): string {
  if (!r) return '';
  if (r.via === 'profile') return 'named in this profile';
  const tier = r.tier && r.rank !== null ? tierAndRank({ tier: r.tier, rank: r.rank }) : '';
  return r.via === 'onet-reverse' ? `its list: ${tier}` : tier;
}

/** The `careers similar` table. */
export function renderSimilar(
  ctx: RenderContext,
  catalog: Catalog,
  roleId: string,
  list: Similarity[],
): string {
  catalog = safeCatalog(catalog);
  list = cleanDeep(list);
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const rows = list.map((s, i) => [
    String(i + 1),
    `${s.title}\n${s.id}`,
    pct(s.score),
    pct(s.skills),
    `${pct(s.software)} (${s.sharedSoftware.length})`,
    relationLabel(s.relation),
    s.sharedSoftware.slice(0, 3).join(', ') +
      (s.sharedSoftware.length > 3 ? ` (+${s.sharedSoftware.length - 3} more)` : ''),
  ]);
  return [
    `${ctx.theme.heading('Roles most like')} ${ctx.theme.title(title(catalog, roleId))}`,
    renderTable(
      ctx,
      ['#', 'Role', 'Overall', 'Skills', 'Software (shared)', 'O*NET related', 'Shared software'],
      rows,
      { right: [0, 2, 3, 4] },
    ),
    ctx.theme.dim(
      wrap(
        'Skills: how alike the O*NET skill-importance profiles are, measured against the average role (100% = same profile; – when a role has no O*NET ratings). Software: share of software in common. O*NET related: the tier and rank O*NET 29.2 gives the role among this one\'s related occupations (primary 1–10, supplemental 11–20; "its list": only the other role\'s list names this one). Overall: the mean of skills and software, raised for roles O*NET relates.',
        ctx.width,
      ),
    ),
    '',
  ].join('\n');
}
