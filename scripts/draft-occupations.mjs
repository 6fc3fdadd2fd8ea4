// Writes data/occupations.tsv: the code and title of every O*NET 29.2 occupation, so search can
// tell a query about a job outside the catalogue ("registered nurse") from a back office one.
// Run by hand (it reads ../shared/facts/all_occupations.tsv, which the build and tests never
// read); titles and codes only.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const rows = readFileSync(`${root}../shared/facts/all_occupations.tsv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .map(([code, title]) => [code, title.trim()])
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const header = [
  '# Every O*NET-SOC occupation: code and title, used by search to recognise a query about a job',
  '# outside the catalogue. Source: O*NET 29.2 Database (February 2025), Occupation Data, by the',
  '# U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the',
  '# CC BY 4.0 license. Written by scripts/draft-occupations.mjs; re-run it rather than editing.',
  'code\ttitle',
];
const file = `${root}data/occupations.tsv`;
writeFileSync(`${file}.tmp`, [...header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
renameSync(`${file}.tmp`, file);
console.log(`wrote ${rows.length} occupations to data/occupations.tsv`);
