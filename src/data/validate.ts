/**
 * `careers validate`: checks data directories or single data files with exactly the checks the
 * loader runs (they share checkRoles, checkQuiz, checkPaths, checkSynonyms), but collects the
 * problems instead of stopping, so one run can report on many targets.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError, type DataProblem } from '../errors.js';
import { makeCatalog, type Catalog } from '../model/catalog.js';
import { checkRoles, dataDirRoleFiles } from './roles.js';
import { loadMetros } from './metros.js';
import { readValidated } from './yaml.js';
import { MetrosFileSchema, type Metro } from '../model/schema.js';
import { checkQuiz } from './quiz-loader.js';
import { checkPaths } from './career-steps.js';
import { checkSynonyms } from './synonyms.js';

export interface ValidateReport {
  /** How many files were read. */
  files: number;
  problems: DataProblem[];
}

type Kind = 'roles' | 'metros' | 'synonyms' | 'paths' | 'quiz';

/** What a single file is, from its name: the shared files have fixed names, the rest are roles. */
function kindOf(file: string): Kind {
  const name = basename(file)
    .toLowerCase()
    .replace(/\.yml$/, '.yaml');
  if (name === 'metros.yaml') return 'metros';
  if (name === 'synonyms.yaml') return 'synonyms';
  if (name === 'paths.yaml') return 'paths';
  if (name === 'quiz.yaml') return 'quiz';
  return 'roles';
}

/** A DataError without details (missing, empty, unreadable directory) as one problem. */
function asProblem(err: unknown, dir: string): DataProblem {
  if (err instanceof DataError) return { file: dir, path: '', message: err.message };
  throw err;
}

function checkMetrosFile(file: string, problems: DataProblem[]): Metro[] {
  return readValidated(file, MetrosFileSchema, problems)?.value.metros ?? [];
}

/** Validates one data directory: role files, and whichever shared files it has of its own. */
function validateDir(dir: string, problems: DataProblem[]): number {
  let files: string[];
  try {
    files = dataDirRoleFiles(dir);
  } catch (err) {
    problems.push(asProblem(err, dir));
    return 0;
  }
  const own = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  const metrosFile = own('metros.yaml');
  const metros = loadMetros(dir, problems);
  const check = checkRoles(files, metros, problems);
  const catalog = makeCatalog(check.roles, metros, dir);
  const synonyms = own('synonyms.yaml');
  if (synonyms) checkSynonyms(synonyms, problems);
  const paths = own('paths.yaml');
  if (paths) checkPaths(paths, check.ids, problems);
  const quiz = own('quiz.yaml');
  if (quiz) checkQuiz(quiz, catalog, problems);
  return files.length + [metrosFile, synonyms, paths, quiz].filter(Boolean).length;
}

/** The active data directory's roles, for resolving references from single files; empty if it is broken. */
function activeRoles(activeDir: string): { catalog: Catalog; ids: Set<string> } {
  const ignored: DataProblem[] = [];
  try {
    const metros = loadMetros(activeDir, ignored);
    const check = checkRoles(dataDirRoleFiles(activeDir), metros, ignored);
    return { catalog: makeCatalog(check.roles, metros, activeDir), ids: check.ids };
  } catch {
    return { catalog: makeCatalog([], [], activeDir), ids: new Set() };
  }
}

/**
 * Validates single files together, as if they were one data directory. References to roles none
 * of them defines are looked up in the active data directory, so one edited role file can be
 * checked on its own.
 */
function validateFiles(files: string[], activeDir: string, problems: DataProblem[]): void {
  const byKind = (kind: Kind) => files.filter((f) => kindOf(f) === kind);
  const active = activeRoles(activeDir);
  const metrosFiles = byKind('metros');
  const metros =
    metrosFiles.length > 0
      ? metrosFiles.flatMap((f) => checkMetrosFile(f, problems))
      : loadMetros(activeDir, []);
  const roleFiles = byKind('roles');
  const check = checkRoles(roleFiles, metros, problems, active.ids);
  // The given roles, completed by the active directory's (a given file replaces its namesake).
  const roles = [...check.roles, ...active.catalog.roles.filter((r) => !check.ids.has(r.id))];
  const catalog = makeCatalog(roles, metros, activeDir);
  const ids = new Set([...check.ids, ...active.ids]);
  for (const f of byKind('synonyms')) checkSynonyms(f, problems);
  for (const f of byKind('paths')) checkPaths(f, ids, problems);
  for (const f of byKind('quiz')) checkQuiz(f, catalog, problems);
}

/**
 * Validates each target: a directory as a data directory, files together as one set. No target
 * means the active data directory.
 */
export function validateTargets(targets: string[], activeDir: string): ValidateReport {
  const problems: DataProblem[] = [];
  let count = 0;
  const files: string[] = [];
  for (const target of targets.length > 0 ? targets : [activeDir]) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      isDir = false; // a missing or looping path is reported when it is read as a file
    }
    if (isDir) count += validateDir(target, problems);
    else files.push(target);
  }
  if (files.length > 0) {
    validateFiles(files, activeDir, problems);
    count += files.length;
  }
  return { files: count, problems };
}
