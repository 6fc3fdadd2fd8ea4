/**
 * `careers path`, `careers gap` and `careers similar`: where a role leads, what stands between
 * two roles, and which roles are alike.
 */
import type { Command } from 'commander';
import { resolveRole, resolveWords } from '../../core/search/resolve.js';
import { pathFor } from '../../core/career-steps.js';
import { computeGap, similarRoles } from '../../core/career.js';
import { renderGap, renderPath, renderSimilar } from '../../render/career.js';
import { ExitCode } from '../../errors.js';
import type { GapData, PathData, SimilarData } from '../../core/output.js';
import { intOption, type ContextFactory, type ResultSink } from '../options.js';

export function registerCareer(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('path')
    .description(
      'show where people come from and where a role can lead, with pay and job-zone changes',
    )
    .argument('<role...>', 'a role id, title or alias')
    .addHelpText(
      'after',
      '\nExamples:\n  careers path "data entry"\n  careers path bookkeeper --json',
    )
    .action((words: string[], _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const role = resolveWords(ctx.index(), words, 'path');
      const view = pathFor(ctx.catalog(), ctx.steps(), role.id);
      ctx.print(
        () => renderPath(ctx.render, ctx.catalog(), view),
        (): PathData => ({ path: view }),
      );
      done(ExitCode.ok);
    });

  program
    .command('gap')
    .description(
      'what stands between two roles: skills, software, certifications, preparation, pay',
    )
    .argument('<from>', 'the role you have (quote names with spaces)')
    .argument('<to>', 'the role you want')
    .addHelpText(
      'after',
      '\nExamples:\n  careers gap "data entry keyer" "executive assistant"\n  careers gap bookkeeper payroll --json',
    )
    .action((from: string, to: string, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const a = resolveRole(ctx.index(), from);
      const b = resolveRole(ctx.index(), to);
      const gap = computeGap(a, b);
      ctx.print(
        () => renderGap(ctx.render, ctx.catalog(), gap),
        (): GapData => ({ gap }),
      );
      done(ExitCode.ok);
    });

  program
    .command('similar')
    .description('roles most like this one, by skills (importance-weighted) and software')
    .argument('<role...>', 'a role id, title or alias')
    .option('-n, --limit <n>', 'how many roles to show', intOption(1), 10)
    .addHelpText(
      'after',
      '\nExamples:\n  careers similar bookkeeper\n  careers similar receptionist --limit 5 --json',
    )
    .action((words: string[], opts: { limit: number }, cmd: Command) => {
      const ctx = context(cmd);
      const role = resolveWords(ctx.index(), words, 'similar');
      const list = similarRoles(ctx.catalog(), role, opts.limit);
      ctx.print(
        () => renderSimilar(ctx.render, ctx.catalog(), role.id, list),
        (): SimilarData => ({ role: role.id, similar: list }),
      );
      done(ExitCode.ok);
    });
}
