/**
 * `careers show <role>`: the role card, or one section of it.
 */
import { Option, type Command } from 'commander';
import { resolveWords } from '../../core/search/resolve.js';
import {
  cityRows,
  renderRole,
  CITY_SORTS,
  SECTIONS,
  type CitySort,
  type Section,
} from '../../render/role.js';
import type { ContextFactory, ResultSink } from '../options.js';
import { ExitCode } from '../../errors.js';
import type { ShowData } from '../../core/output.js';
import { pathFor } from '../../core/career-steps.js';
import { renderPath } from '../../render/career.js';

export function registerShow(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('show')
    .description('print a role card: summary, skills, salary, tools and cities')
    .argument('<role...>', 'a role id, title, alias or a close spelling of one')
    .addOption(
      new Option('-s, --section <name>', 'print only one section').choices(SECTIONS).default('all'),
    )
    .addOption(
      new Option('--sort <key>', 'order of the cities table').choices(CITY_SORTS).default('pay'),
    )
    .addHelpText(
      'after',
      `
Examples:
  careers show "data entry"
  careers show bookkeeper --section salary
  careers show executive-assistant --section cities --sort adjusted
  careers show receptionist --json`,
    )
    .action((words: string[], opts: { section: Section; sort: CitySort }, cmd: Command) => {
      const ctx = context(cmd);
      const role = resolveWords(ctx.index(), words, 'show');
      const catalog = ctx.catalog();
      const careerPath = () =>
        opts.section === 'path' || opts.section === 'all'
          ? renderPath(ctx.render, catalog, pathFor(catalog, ctx.steps(), role.id))
          : undefined;
      ctx.print(
        () => renderRole(ctx.render, catalog, role, opts.section, opts.sort, careerPath()),
        (): ShowData => ({ role, cities: cityRows(catalog, role, opts.sort) }),
      );
      done(ExitCode.ok);
    });
}
