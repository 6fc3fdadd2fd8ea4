/**
 * `careers compare <role> <role> [...]`: 2–4 roles side by side.
 */
import type { Command } from 'commander';
import { checkCompareCount, compareRoles, MAX_COMPARE } from '../../core/compare.js';
import { resolveRole } from '../../core/search/resolve.js';
import { renderCompare } from '../../render/compare.js';
import { ExitCode } from '../../errors.js';
import type { ContextFactory, ResultSink } from '../options.js';

export function registerCompare(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('compare')
    .description(
      `compare 2 to ${MAX_COMPARE} roles side by side: pay, preparation, skills, software`,
    )
    .argument('<roles...>', 'role ids, titles or aliases; quote names with spaces')
    .addHelpText(
      'after',
      `
Examples:
  careers compare "data entry" bookkeeper payroll
  careers compare receptionist "administrative assistant" --json`,
    )
    .action((names: string[], _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      checkCompareCount(names.length);
      const data = compareRoles(names.map((name) => resolveRole(ctx.index(), name)));
      ctx.print(
        () => renderCompare(ctx.render, data),
        () => data,
      );
      done(ExitCode.ok);
    });
}
