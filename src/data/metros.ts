/**
 * The metro areas (data/metros.yaml) a role's city figures refer to.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataProblem } from '../errors.js';
import { MetrosFileSchema, type Metro } from '../model/schema.js';
import { BUILT_IN_DATA_DIR } from './dirs.js';
import { readValidated } from './yaml.js';

/** The metros of a data directory: its own metros.yaml, else the built-in one. */
export function loadMetros(dir: string, problems: DataProblem[]): Metro[] {
  const own = join(dir, 'metros.yaml');
  const file = existsSync(own) ? own : join(BUILT_IN_DATA_DIR, 'metros.yaml');
  if (!existsSync(file)) return [];
  return readValidated(file, MetrosFileSchema, problems)?.value.metros ?? [];
}
