/**
 * `careers list`: every role in one table, with filters.
 */
import type { Command } from 'commander';
import { filterRoles, type RoleFilters } from '../../core/filters.js';
import { renderList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ListData } from '../../core/output.js';
import { addFilterOptions, type ContextFactory, type ResultSink } from '../options.js';

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
      const roles = filterRoles(ctx.catalog(), opts);
      if (roles.length === 0) {
        ctx.note('careers: no role matches these filters');
        done(ExitCode.notFound);
        if (!ctx.json) return;
      }
      ctx.print(
        () => renderList(ctx.render, roles, opts.chart === true),
        (): ListData => ({ count: roles.length, roles }),
      );
    });
}
