/**
 * Tables for `search` results and `list`.
 */
import type { Role } from '../model/schema.js';
import { headlineSalary } from '../model/catalog.js';
import type { SearchResult } from '../core/search/index.js';
import { glyphs, type RenderContext } from './role.js';
import { rangeBar, type Spread } from './charts.js';
import { renderTable } from './table.js';
import { cleanDeep, money, plural, wrap } from '../text.js';

/**
 * Ranked search results: role, why it matched (with any WordNet bridge), median salary; the
 * posting qualifiers set aside and a low-confidence note above the table.
 */
export function renderSearch(ctx: RenderContext, result: SearchResult): string {
  const { hits } = result;
  // Only what is shown is cleaned, not the whole roles (their keyword lists are long).
  const rows = cleanDeep(
    hits.map((h, i) => [
      String(i + 1),
      `${h.title}\n${h.id}`,
      `${h.matched.field}: "${h.matched.value}"${h.bridged.map((b) => `\n${b}, via WordNet`).join('')}`,
      money(h.median),
    ]),
  );
  const notes: string[] = [];
  if (result.qualifiers.length)
    notes.push(`Qualifiers set aside (not matched): ${cleanDeep(result.qualifiers).join(', ')}`);
  const low = hits[0]?.confidence === 'low' ? hits[0].genericOnly : undefined;
  if (low)
    notes.push(
      `Low confidence: only the generic word${low.length > 1 ? 's' : ''} ${cleanDeep(low)
        .map((w) => `"${w}"`)
        .join(', ')} matched`,
    );
  return (
    notes.map((n) => ctx.theme.dim(n) + '\n').join('') +
    renderTable(ctx, ['#', 'Role', 'Why it matched', 'Median pay'], rows, {
      right: [0, 3],
      fold: [[3, 1]],
    }) +
    '\n' +
    ctx.theme.dim('More on a role: careers show <id>') +
    '\n'
  );
}

/** The same money scale for a set of salary spreads: lowest p10 to highest p90. */
export function commonScale(spreads: Spread[]): { min: number; max: number } | undefined {
  const lows = spreads
    .map((s) => s.p10 ?? s.p25 ?? s.median)
    .filter((v): v is number => v !== undefined);
  const highs = spreads
    .map((s) => s.p90 ?? s.p75 ?? s.median)
    .filter((v): v is number => v !== undefined);
  return lows.length ? { min: Math.min(...lows), max: Math.max(...highs) } : undefined;
}

/** All (filtered) roles in one table; with `chart`, each row gets its p10–p90 bar on one scale. */
export function renderList(ctx: RenderContext, roles: Role[], chart = false): string {
  roles = cleanDeep(roles);
  const scale = chart ? commonScale(roles.map((r) => headlineSalary(r) ?? {})) : undefined;
  const g = glyphs(ctx);
  const periods = [...new Set(roles.map((r) => headlineSalary(r)?.period).filter(Boolean))];
  let note = `${plural(roles.length, 'role')}. Median pay: national annual median${periods.length ? ` (${periods.join(', ')})` : ''}`;
  let table: string;
  if (scale) {
    // Role titles wrap before the bars shrink below 10 columns.
    const barWidth = Math.max(10, Math.min(30, ctx.width - 50));
    const rows = roles.map((r) => {
      const s = headlineSalary(r);
      return [r.title, money(s?.median), s ? rangeBar(s, scale.min, scale.max, barWidth, g) : ''];
    });
    table = renderTable(ctx, ['Role', 'Median pay', 'Pay range'], rows, { right: [1] });
    note += `. Bars share one scale, ${money(scale.min)} to ${money(scale.max)}: ${g.whisker} 10th–90th percentile, ${g.box} 25th–75th, ${g.median} median.`;
  } else {
    const rows = roles.map((r) => [
      r.title,
      r.id,
      money(headlineSalary(r)?.median),
      r.jobZone ? String(r.jobZone.level) : '–',
    ]);
    table = renderTable(ctx, ['Role', 'Id', 'Median pay', 'Job zone'], rows, {
      right: [2, 3],
      fold: [[1, 0]],
    });
    note += '; job zone: O*NET preparation level 1–5.';
  }
  return `${table}\n${ctx.theme.dim(wrap(note, ctx.width))}\n`;
}

/** The published JSON Schemas: name, file in the package, what each describes. */
export function renderSchemaList(
  ctx: RenderContext,
  schemas: Array<{ name: string; file: string; description: string }>,
): string {
  const rows = schemas.map((s) => [s.name, s.file, s.description]);
  return (
    renderTable(ctx, ['Name', 'File in the package', 'Describes'], rows) +
    '\n' +
    ctx.theme.dim('Print one: careers schema <name>') +
    '\n'
  );
}
