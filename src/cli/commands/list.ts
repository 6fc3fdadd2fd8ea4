/**
 * `careers list`: every role in one table, with filters.
 */

import { filterRoles, type RoleFilters } from '../../core/filters.js';
import { renderList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ListData } from '../../core/output.js';
import { addFilterOptions } from '../options.js';
import { defineCommand } from '../command.js';

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
    const roles = filterRoles(ctx.catalog(), opts);
    if (roles.length === 0) {
      ctx.note('careers: no role matches these filters');
      if (!ctx.json) return ExitCode.notFound;
    }
    ctx.print(
      () => renderList(ctx.renderContext, roles, opts.chart === true),
      (): ListData => ({ count: roles.length, roles }),
    );
    return roles.length === 0 ? ExitCode.notFound : ExitCode.ok;
  },
});
