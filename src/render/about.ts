/**
 * The `about` screen: credits and a table of data sources.
 */
import type { Catalog } from '../model/catalog.js';
import { BUILT_IN_DATA_DIR } from '../data/dirs.js';
import type { SourceUse } from '../core/sources.js';
import { safeCatalog, type RenderContext } from './role.js';
import { renderTable } from './table.js';
import { cleanDeep, wrap, wrapStyled } from '../text.js';

export const CREDITS = [
  'This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The project changed the data: it selected, summarised and reworded it.',
  'Wage figures are from the U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), May 2020–May 2024 (public domain). City price levels are from the U.S. Bureau of Economic Analysis Regional Price Parities (public domain).',
  "The two seed profiles restate facts from their source documents in the project's own words; figures they quote are labelled with the source the document cites.",
];

export function renderAbout(
  ctx: RenderContext,
  version: string,
  catalog: Catalog,
  usage: SourceUse[],
): string {
  catalog = safeCatalog(catalog);
  usage = cleanDeep(usage);
  const { theme, width } = ctx;
  const rows = usage.map((u) => [
    u.source.title + (u.source.publisher ? `\n${u.source.publisher}` : ''),
    u.source.period,
    u.source.license ?? '–',
    String(u.roles.length),
  ]);
  const out = [
    wrapStyled(
      [['careers', theme.title], [`${version} — an offline career explorer for back office jobs`]],
      width,
    ),
    theme.dim(
      wrap(
        `Data: ${catalog.roles.length} roles from ${catalog.dataDir === BUILT_IN_DATA_DIR ? 'the built-in data set' : catalog.dataDir}`,
        width,
      ),
    ),
    '',
    theme.heading('Data sources'),
    renderTable(ctx, ['Source', 'Period / release', 'Licence', 'Roles'], rows, { right: [3] }),
  ];
  if (catalog.metros[0])
    out.push(theme.dim(wrap(`Metro price parities: ${catalog.metros[0].source}`, width)));
  out.push('', theme.heading('Credits'), ...CREDITS.map((c) => wrap(c, width) + '\n'));
  return out.join('\n');
}
