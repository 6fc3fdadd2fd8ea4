/**
 * `careers gap <from> <to>`: what stands between two roles.
 */
import { resolveRole } from '../../core/search/resolve.js';
import { computeGap } from '../../core/career.js';
import { renderGap } from '../../render/career.js';
import { ExitCode } from '../../errors.js';
import type { GapData } from '../../core/output.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'gap',
  description: 'what stands between two roles: skills, software, certifications, preparation, pay',
  options: (command) =>
    command
      .argument('<from>', 'the role you have (quote names with spaces)')
      .argument('<to>', 'the role you want'),
  examples: [
    'careers gap "data entry keyer" "executive assistant"',
    'careers gap bookkeeper payroll --json',
  ],
  readsData: true,
  roleArguments: true,
  jsonSchemas: ['gap'],
  run(ctx, [from, to]: [string, string]) {
    const a = resolveRole(ctx.index(), from);
    const b = resolveRole(ctx.index(), to);
    const gap = computeGap(a, b, ctx.catalog());
    ctx.print(
      () => renderGap(ctx.renderContext, ctx.catalog(), gap),
      (): GapData => ({
        // The --json shape keeps name, category and hot for each item (schema version 2).
        gap: {
          ...gap,
          software: gap.software.map(({ name, category, hot }) => ({ name, category, hot })),
        },
      }),
    );
    return ExitCode.ok;
  },
});
