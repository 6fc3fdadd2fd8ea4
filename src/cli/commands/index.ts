/**
 * Every command, in the order `careers --help` lists them: the one list of command names.
 * Adding a command is its own file in this directory plus one line here (docs/DEVELOPMENT.md).
 */
import type { CommandDefinition } from '../command.js';
import search from './search.js';
import show from './show.js';
import list from './list.js';
import about from './about.js';
import compare from './compare.js';
import path from './path.js';
import gap from './gap.js';
import similar from './similar.js';
import quiz from './quiz.js';
import exportCommand from './export.js';
import schema from './schema.js';
import validate from './validate.js';
import completion from './completion.js';

export const COMMANDS: readonly CommandDefinition[] = [
  search,
  show,
  list,
  about,
  compare,
  path,
  gap,
  similar,
  quiz,
  exportCommand,
  schema,
  validate,
  completion,
];
