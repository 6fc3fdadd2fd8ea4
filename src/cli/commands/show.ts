/**
 * `careers show <role>`: the role card, or one section of it.
 */
import { Option } from 'commander';
import { resolveWords } from '../../core/search/resolve.js';
import {
  cityRows,
  renderRole,
  CITY_SORTS,
  SECTIONS,
  type CitySort,
  type Section,
} from '../../render/role.js';
import { defineCommand } from '../command.js';
import { ExitCode } from '../../errors.js';
import type { ShowData } from '../../core/output.js';
import { pathFor } from '../../core/career-steps.js';
import { renderPath } from '../../render/career.js';

export default defineCommand({
  name: 'show',
  description: 'print a role card: summary, skills, salary, tools and cities',
  options: (command) =>
    command
      .argument('<role...>', 'a role id, title, alias or a close spelling of one')
      .addOption(
        new Option('-s, --section <name>', 'print only one section')
          .choices(SECTIONS)
          .default('all'),
      )
      .addOption(
        new Option('--sort <key>', 'order of the cities table').choices(CITY_SORTS).default('pay'),
      ),
  examples: [
    'careers show "data entry"',
    'careers show bookkeeper --section salary',
    'careers show executive-assistant --section cities --sort adjusted',
    'careers show receptionist --json',
  ],
  readsData: true,
  roleArguments: true,
  jsonSchemas: ['show'],
  run(ctx, [words]: [string[]], opts: { section: Section; sort: CitySort }) {
    const role = resolveWords(ctx.index(), words, 'show');
    const catalog = ctx.catalog();
    // Only for --section path: the tree reads every role on the role's ladders, and the full
    // card reads only the role it shows (careers path draws the tree too).
    const careerPath = () =>
      opts.section === 'path'
        ? renderPath(ctx.renderContext, catalog, pathFor(catalog, ctx.steps(), role.id, ctx.tops()))
        : undefined;
    ctx.print(
      () => renderRole(ctx.renderContext, catalog, role, opts.section, opts.sort, careerPath()),
      (): ShowData => ({ role, cities: cityRows(catalog, role, opts.sort) }),
    );
    return ExitCode.ok;
  },
});
