/**
 * `careers compare <role> <role> [...]`: 2–4 roles side by side.
 */

import { checkCompareCount, compareRoles, MAX_COMPARE } from '../../core/compare.js';
import { resolveRole } from '../../core/search/resolve.js';
import { renderCompare } from '../../render/compare.js';
import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'compare',
  description: `compare 2 to ${MAX_COMPARE} roles side by side: pay, preparation, skills, software`,
  options: (command) =>
    command.argument('<roles...>', 'role ids, titles or aliases; quote names with spaces'),
  examples: [
    'careers compare "data entry" bookkeeper payroll',
    'careers compare receptionist "administrative assistant" --json',
  ],
  readsData: true,
  roleArguments: true,
  jsonSchemas: ['compare'],
  run(ctx, [names]: [string[]]) {
    checkCompareCount(names.length);
    const data = compareRoles(names.map((name) => resolveRole(ctx.index(), name)));
    ctx.print(
      () => renderCompare(ctx.renderContext, data),
      () => data,
    );
    return ExitCode.ok;
  },
});
