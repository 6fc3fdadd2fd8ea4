/**
 * `careers search <query...>`: ranked fuzzy search over titles, aliases, skills and tools.
 */

import { searchQuery } from '../../core/search/rank.js';
import { renderSearch } from '../../render/lists.js';
import { clean } from '../../text.js';
import type { SearchData } from '../../core/output.js';
import { ExitCode } from '../../errors.js';
import { intOption } from '../options.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'search',
  description: 'find roles by job title, alias, skill, software or tool (typos are fine)',
  options: (command) =>
    command
      .argument('<query...>', 'what to look for, e.g. "accounts payable" or quickbooks')
      .option('-n, --limit <n>', 'show at most n results', intOption(1), 10),
  examples: [
    'careers search acountant',
    'careers search admin assistant',
    'careers search quickbooks --limit 5',
    'careers search "data entry" --json',
  ],
  readsData: true,
  roleArguments: false,
  jsonSchemas: ['search'],
  run(ctx, [words]: [string[]], opts: { limit: number }) {
    const query = words.join(' ');
    const result = searchQuery(ctx.index(), query, opts.limit);
    const hits = result.hits;
    if (result.outOfScope) {
      // One line that says so, on stderr as for no match; the closest roles, if any, below.
      ctx.note(
        `careers: "${clean(query)}" is not a back office job (O*NET: ${result.outOfScope.title}, ${result.outOfScope.code})${hits.length ? '; the closest back office roles:' : ''}`,
      );
      if (!ctx.json && hits.length === 0) return ExitCode.notFound;
    } else if (hits.length === 0) {
      ctx.note(`careers: no role matches "${clean(query)}"; try other words, or "careers list"`);
      if (!ctx.json) return ExitCode.notFound;
    }
    ctx.print(
      () => renderSearch(ctx.renderContext, result),
      (): SearchData => ({
        query,
        qualifiers: result.qualifiers,
        ...(result.outOfScope
          ? { outOfScope: { code: result.outOfScope.code, title: result.outOfScope.title } }
          : {}),
        results: hits.map((h) => ({
          id: h.id,
          title: h.title,
          score: Number(h.score.toFixed(4)),
          matched: h.matched,
          bridged: h.bridged,
          confidence: h.confidence,
          medianSalary: h.median ?? null,
        })),
      }),
    );
    return hits.length === 0 || result.outOfScope ? ExitCode.notFound : ExitCode.ok;
  },
});
