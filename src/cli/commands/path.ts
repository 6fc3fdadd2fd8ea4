/**
 * `careers path <role>`: where people come from and where a role can lead.
 */
import { resolveWords } from '../../core/search/resolve.js';
import { pathFor } from '../../core/career-steps.js';
import { renderPath } from '../../render/career.js';
import { ExitCode } from '../../errors.js';
import type { PathData } from '../../core/output.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'path',
  description:
    'show where people come from and where a role can lead, with pay and job-zone changes',
  options: (command) => command.argument('<role...>', 'a role id, title or alias'),
  examples: ['careers path "data entry"', 'careers path bookkeeper --json'],
  readsData: true,
  roleArguments: true,
  jsonSchemas: ['path'],
  run(ctx, [words]: [string[]]) {
    const role = resolveWords(ctx.index(), words, 'path');
    const view = pathFor(ctx.catalog(), ctx.steps(), role.id, ctx.tops());
    ctx.print(
      () => renderPath(ctx.renderContext, ctx.catalog(), view),
      (): PathData => ({ path: view }),
    );
    return ExitCode.ok;
  },
});
