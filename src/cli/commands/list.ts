/**
 * `careers list`: every role in one table, with filters.
 */
import type { Command } from 'commander';
import type { RoleFilters } from '../../core/filters.js';
import { renderList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ListData } from '../../core/output.js';
import { headlineSalary } from '../../model/catalog.js';
import type { Role } from '../../model/schema.js';
import {
  addFilterOptions,
  filteredRoles,
  type ContextFactory,
  type ResultSink,
} from '../options.js';

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

export function registerList(program: Command, context: ContextFactory, done: ResultSink): void {
  addFilterOptions(program.command('list').description('list all roles, optionally filtered'))
    .option('--chart', 'draw each role’s pay range (p10–p90) on one shared scale')
    .addHelpText(
      'after',
      `
Examples:
  careers list
  careers list --sort salary --chart
  careers list --city NYC --min-salary 50000
  careers list --tool quickbooks --json`,
    )
    .action((opts: RoleFilters & { chart?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const roles = filteredRoles(ctx, opts);
      if (roles.length === 0) {
        done(ExitCode.notFound);
        if (!ctx.json) return;
      }
      ctx.print(
        () => renderList(ctx.render, roles, opts.chart === true),
        (): ListData => ({ count: roles.length, roles: roles.map(listRow) }),
      );
    });
}
