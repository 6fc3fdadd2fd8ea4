/**
 * `careers about`: what the tool is, where its data comes from, and the credits the licences ask for.
 */
import type { Command } from 'commander';
import { sourceUsage } from '../../core/sources.js';
import { renderAbout } from '../../render/about.js';
import { ExitCode } from '../../errors.js';
import type { AboutData } from '../../core/output.js';
import type { ContextFactory, ResultSink } from '../options.js';
import { version } from '../../version.js';

export function registerAbout(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('about')
    .alias('sources')
    .description('show the data sources, their periods and licences, and credits')
    .addHelpText('after', '\nExamples:\n  careers about\n  careers sources --json')
    .action((_opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const catalog = ctx.catalog();
      const usage = sourceUsage(catalog);
      ctx.print(
        () => renderAbout(ctx.render, version(), catalog, usage),
        (): AboutData => ({
          version: version(),
          dataDir: catalog.dataDir,
          roles: catalog.roles.length,
          sources: usage.map((u) => ({ ...u.source, roleCount: u.roles.length })),
          metroSource: catalog.metros[0]?.source ?? null,
        }),
      );
      done(ExitCode.ok);
    });
}
