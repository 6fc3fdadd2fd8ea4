/**
 * `careers similar <role>`: the roles most like one, by skills and software and O*NET's related
 * occupations.
 */
import { resolveWords } from '../../core/search/resolve.js';
import { similarRoles } from '../../core/similar.js';
import { renderSimilar } from '../../render/career.js';
import { ExitCode } from '../../errors.js';
import type { SimilarData } from '../../core/output.js';
import { intOption } from '../options.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'similar',
  description: 'roles most like this one, by skills, software and O*NET related occupations',
  options: (command) =>
    command
      .argument('<role...>', 'a role id, title or alias')
      .option('-n, --limit <n>', 'how many roles to show', intOption(1), 10),
  examples: ['careers similar bookkeeper', 'careers similar receptionist --limit 5 --json'],
  readsData: true,
  roleArguments: true,
  jsonSchemas: ['similar'],
  run(ctx, [words]: [string[]], opts: { limit: number }) {
    const role = resolveWords(ctx.index(), words, 'similar');
    const list = similarRoles(ctx.catalog(), role, opts.limit);
    ctx.print(
      () => renderSimilar(ctx.renderContext, ctx.catalog(), role.id, list),
      (): SimilarData => ({ role: role.id, similar: list }),
    );
    return ExitCode.ok;
  },
});
