/**
 * `careers list`: every role in one table, with filters.
 */
import { Option, type Command } from 'commander';
import { filterRoles, SORT_KEYS, type RoleFilters } from '../../core/filters.js';
import { renderList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ListData } from '../../core/output.js';
import { intOption, type ContextFactory, type ResultSink } from '../options.js';

export function registerList(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('list')
    .description('list all roles, optionally filtered')
    .option('--industry <name>', 'only roles a source places in this industry')
    .option(
      '--city <name>',
      'only roles with figures or mentions for this city (e.g. NYC, Houston)',
    )
    .option('--tool <name>', 'only roles that use this software or tool (e.g. excel)')
    .option(
      '--min-salary <usd>',
      'only roles whose national median pay is at least this',
      intOption(0),
    )
    .addOption(new Option('--sort <key>', 'sort order').choices(SORT_KEYS).default('title'))
    .addHelpText(
      'after',
      `
Examples:
  careers list
  careers list --sort salary
  careers list --city NYC --min-salary 50000
  careers list --tool quickbooks --json`,
    )
    .action((opts: RoleFilters, cmd: Command) => {
      const ctx = context(cmd);
      const roles = filterRoles(ctx.catalog(), opts);
      if (roles.length === 0) {
        ctx.note('careers: no role matches these filters');
        done(ExitCode.notFound);
        if (!ctx.json) return;
      }
      ctx.print(
        () => renderList(ctx.render, roles),
        (): ListData => ({ count: roles.length, roles }),
      );
    });
}
