/**
 * `careers search <query...>`: ranked fuzzy search over titles, aliases, skills and tools.
 */
import type { Command } from 'commander';
import { search } from '../../core/search/rank.js';
import { headlineSalary } from '../../model/catalog.js';
import { renderSearch } from '../../render/lists.js';
import { clean } from '../../text.js';
import type { SearchData } from '../../core/output.js';
import { ExitCode } from '../../errors.js';
import { intOption, type ContextFactory, type ResultSink } from '../options.js';

export function registerSearch(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('search')
    .description('find roles by job title, alias, skill, software or tool (typos are fine)')
    .argument('<query...>', 'what to look for, e.g. "accounts payable" or quickbooks')
    .option('-n, --limit <n>', 'show at most n results', intOption(1), 10)
    .addHelpText(
      'after',
      `
Examples:
  careers search acountant
  careers search admin assistant
  careers search quickbooks --limit 5
  careers search "data entry" --json`,
    )
    .action((words: string[], opts: { limit: number }, cmd: Command) => {
      const ctx = context(cmd);
      const query = words.join(' ');
      const hits = search(ctx.index(), query, opts.limit);
      if (hits.length === 0) {
        ctx.note(`careers: no role matches "${clean(query)}"; try other words, or "careers list"`);
        done(ExitCode.notFound);
        if (!ctx.json) return;
      }
      ctx.print(
        () => renderSearch(ctx.render, hits),
        (): SearchData => ({
          query,
          results: hits.map((h) => ({
            id: h.role.id,
            title: h.role.title,
            score: Number(h.score.toFixed(4)),
            matched: h.matched,
            medianSalary: headlineSalary(h.role)?.median ?? null,
          })),
        }),
      );
    });
}
