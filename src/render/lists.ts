/**
 * Tables for `search` results and `list`.
 */
import type { Role } from '../data/schema.js';
import { headlineSalary } from '../core/catalog.js';
import type { SearchHit } from '../core/search.js';
import type { RenderContext } from './role.js';
import { renderTable } from './table.js';
import { money } from './text.js';

/** Ranked search results: role, why it matched, median salary. */
export function renderSearch(ctx: RenderContext, hits: SearchHit[]): string {
  const rows = hits.map((h, i) => [
    String(i + 1),
    `${h.role.title}\n${h.role.id}`,
    `${h.matched.field}: "${h.matched.value}"`,
    money(headlineSalary(h.role)?.median),
  ]);
  return (
    renderTable(ctx.theme, ['#', 'Role', 'Why it matched', 'Median pay'], rows, {
      width: ctx.width,
      right: [0, 3],
      keep: [1],
    }) +
    '\n' +
    ctx.theme.dim('More on a role: careers show <id>') +
    '\n'
  );
}

/** All (filtered) roles in one table. */
export function renderList(ctx: RenderContext, roles: Role[]): string {
  const rows = roles.map((r) => {
    const s = headlineSalary(r);
    return [r.title, r.id, money(s?.median), r.jobZone ? String(r.jobZone.level) : '–'];
  });
  const periods = [...new Set(roles.map((r) => headlineSalary(r)?.period).filter(Boolean))].join(
    ', ',
  );
  return (
    renderTable(ctx.theme, ['Role', 'Id', 'Median pay', 'Job zone'], rows, {
      width: ctx.width,
      right: [2, 3],
      keep: [1],
    }) +
    '\n' +
    ctx.theme.dim(
      `${roles.length} role${roles.length === 1 ? '' : 's'}. Median pay: national annual median${periods ? ` (${periods})` : ''}; job zone: O*NET preparation level 1–5.`,
    ) +
    '\n'
  );
}

/** The published JSON Schemas: name, file in the package, what each describes. */
export function renderSchemaList(
  ctx: RenderContext,
  schemas: Array<{ name: string; file: string; description: string }>,
): string {
  const rows = schemas.map((s) => [s.name, s.file, s.description]);
  return (
    renderTable(ctx.theme, ['Name', 'File in the package', 'Describes'], rows, {
      width: ctx.width,
      keep: [0],
    }) +
    '\n' +
    ctx.theme.dim('Print one: careers schema <name>') +
    '\n'
  );
}
