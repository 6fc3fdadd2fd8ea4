/**
 * `careers list`: every role in one table, with filters.
 */

import type { RoleFilters } from '../../core/filters.js';
import { headlineSalary } from '../../model/catalog.js';
import type { Role } from '../../model/schema.js';
import { renderList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ListData } from '../../core/output.js';
import { addFilterOptions, filteredRoles } from '../options.js';
import { defineCommand } from '../command.js';

/** One row of the table as data. */
function listRow(role: Role): ListData['roles'][number] {
  const salary = headlineSalary(role);
  return {
    id: role.id,
    title: role.title,
    medianSalary: salary?.median ?? null,
    salaryPeriod: salary?.median !== undefined ? salary.period : null,
    jobZone: role.jobZone?.level ?? null,
  };
}

export default defineCommand({
  name: 'list',
  description: 'list all roles, optionally filtered',
  options: (command) =>
    addFilterOptions(command).option(
      '--chart',
      'draw each role’s pay range (p10–p90) on one shared scale',
    ),
  examples: [
    'careers list',
    'careers list --sort salary --chart',
    'careers list --city NYC --min-salary 50000',
    'careers list --tool quickbooks --json',
  ],
  readsData: true,
  roleArguments: false,
  jsonSchemas: ['list'],
  run(ctx, _args: [], opts: RoleFilters & { chart?: boolean }) {
    const roles = filteredRoles(ctx, opts);
    if (roles.length === 0) {
      if (!ctx.json) return ExitCode.notFound;
    }
    ctx.print(
      () => renderList(ctx.renderContext, roles, opts.chart === true),
      (): ListData => ({ count: roles.length, roles: roles.map(listRow) }),
    );
    return roles.length === 0 ? ExitCode.notFound : ExitCode.ok;
  },
});
