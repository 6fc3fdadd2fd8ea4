/**
 * The O*NET occupation titles shipped with the package (data/occupations.tsv, written by
 * scripts/draft-occupations.mjs), which search uses to recognise a job outside the catalogue.
 * The same list serves every data directory: it names occupations, not roles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_DATA_DIR } from './dirs.js';

/** An O*NET occupation: code and title. */
export interface Occupation {
  code: string;
  title: string;
}

/** Parses data/occupations.tsv (code, title; # lines are comments, one header row). */
export function parseOccupations(tsv: string): Occupation[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((l) => {
      const [code = '', title = ''] = l.split('\t');
      return { code, title };
    });
}

let occupations: Occupation[] | undefined;

/** Every O*NET occupation (read once, when first needed; empty if the file is missing). */
export function builtInOccupations(): Occupation[] {
  if (!occupations) {
    try {
      occupations = parseOccupations(
        readFileSync(join(BUILT_IN_DATA_DIR, 'occupations.tsv'), 'utf8'),
      );
    } catch {
      occupations = [];
    }
  }
  return occupations;
}
