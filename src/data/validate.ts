/**
 * `careers validate`: checks data directories or single data files with exactly the checks the
 * loader runs (they share checkRoles, checkQuiz, checkPaths, checkSynonyms), but collects the
 * problems instead of stopping, so one run can report on many targets.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataError, IoError, type DataProblem } from '../errors.js';
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

/** More syntax errors than this in one file: it is not a YAML data file, and one line says so. */
const MAX_SYNTAX_ERRORS = 3;

/**
 * A file that is not YAML at all (a README, a binary) fails on nearly every line: its syntax
 * errors become one problem at the first, saying what the file is not.
 */
function collapseSyntaxErrors(problems: DataProblem[]): DataProblem[] {
  const syntax = new Map<string, DataProblem[]>();
  for (const p of problems)
    if (p.path === '' && p.line !== undefined)
      syntax.set(p.file, [...(syntax.get(p.file) ?? []), p]);
  const collapsed = new Set(
    [...syntax].filter(([, list]) => list.length > MAX_SYNTAX_ERRORS).map(([file]) => file),
  );
  if (collapsed.size === 0) return problems;
  const out: DataProblem[] = [];
  for (const p of problems) {
    if (!collapsed.has(p.file)) out.push(p);
    else if (p === syntax.get(p.file)?.[0]) {
      const more = (syntax.get(p.file)?.length ?? 1) - 1;
      const first = p.message.length > 120 ? `${p.message.slice(0, 117)}...` : p.message;
      out.push({
        ...p,
        message: `not a YAML data file: ${first} (and ${more} more syntax errors)`,
      });
    }
  }
  return out;
}

/** Whether anything (even a broken link) is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates each target: a directory as a data directory, files together as one set. No target
 * means the active data directory. A path given twice (`data//roles`, `data/roles`) is checked
 * once; when none of the given paths exists there is nothing to check, which is an error.
 */
export function validateTargets(targets: string[], activeDir: string): ValidateReport {
  const problems: DataProblem[] = [];
  let count = 0;
  const files: string[] = [];
  const seen = new Set<string>();
  const unique = targets.filter((t) => !seen.has(resolve(t)) && seen.add(resolve(t)));
  if (unique.length > 0 && !unique.some(exists))
    throw new IoError(
      `nothing to check: ${unique.join(', ')} ${unique.length === 1 ? 'does' : 'do'} not exist`,
    );
  for (const target of unique.length > 0 ? unique : [activeDir]) {
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
    count += files.filter(exists).length;
  }
  return { files: count, problems: collapseSyntaxErrors(problems) };
}
