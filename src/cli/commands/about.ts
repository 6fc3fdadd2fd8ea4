/**
 * `careers about`: what the tool is, where its data comes from, and the credits the licences ask for.
 */

import { sourceUsage } from '../../core/sources.js';
import { renderAbout } from '../../render/about.js';
import { ExitCode } from '../../errors.js';
import type { AboutData } from '../../core/output.js';
import { defineCommand } from '../command.js';
import { version } from '../../version.js';

export default defineCommand({
  name: 'about',
  aliases: ['sources'],
  description: 'show the data sources, their periods and licences, and credits',
  examples: ['careers about', 'careers sources --json'],
  readsData: true,
  roleArguments: false,
  jsonSchemas: ['about'],
  run(ctx) {
    const catalog = ctx.catalog();
    const usage = sourceUsage(catalog);
    ctx.print(
      () => renderAbout(ctx.renderContext, version(), catalog, usage),
      (): AboutData => ({
        version: version(),
        dataDir: catalog.dataDir,
        roles: catalog.roles.length,
        sources: usage.map((u) => ({ ...u.source, roleCount: u.roles.length })),
        metroSource: catalog.metros[0]?.source ?? null,
      }),
    );
    return ExitCode.ok;
  },
});
