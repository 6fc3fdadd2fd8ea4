/**
 * The metro areas (data/metros.yaml) a role's city figures refer to.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataProblem } from '../errors.js';
import { MetrosFileSchema, type Metro } from '../model/schema.js';
import { BUILT_IN_DATA_DIR } from './dirs.js';
import { readValidated } from './yaml.js';

/**
 * The metros of a data directory: its own metros.yaml, else the built-in one (`builtIn`, when
 * given: the built-in metros as the build validated them, so the file is not parsed again).
 */
export function loadMetros(
  dir: string,
  problems: DataProblem[],
  builtIn?: readonly Metro[],
): Metro[] {
  const own = join(dir, 'metros.yaml');
  if (builtIn && !existsSync(own)) return [...builtIn];
  const file = existsSync(own) ? own : join(BUILT_IN_DATA_DIR, 'metros.yaml');
  if (!existsSync(file)) return [];
  return readValidated(file, MetrosFileSchema, problems)?.value.metros ?? [];
}
