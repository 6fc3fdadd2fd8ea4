/**
 * Loads quiz.yaml (from the data directory, else the built-in one) and checks it against the
 * schema and against the role catalog: every weight must name a skill, work style, software
 * category, title group or role that exists; requirements likewise. All problems are reported together, located.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataProblem } from '../errors.js';
import { DataError } from '../errors.js';
import type { Catalog } from '../model/catalog.js';
import { BUILT_IN_DATA_DIR } from './dirs.js';
import { locate, readValidated, type ParsedFile } from './yaml.js';
import { QuizFileSchema, type Quiz, type Weights } from '../model/quiz-schema.js';

/** The quiz file used for a data directory: its own quiz.yaml, else the built-in one. */
export function quizFile(dataDir: string): string {
  const own = join(dataDir, 'quiz.yaml');
  return existsSync(own) ? own : join(BUILT_IN_DATA_DIR, 'quiz.yaml');
}

/** The names each kind of weight may use, collected from the catalog and the quiz itself. */
function knownNames(quiz: Quiz, catalog: Catalog): Record<string, Set<string>> {
  const roles = catalog.roles;
  return {
    skills: new Set(roles.flatMap((r) => r.skills.map((s) => s.name))),
    workStyles: new Set(roles.flatMap((r) => r.workStyles.map((w) => w.name))),
    software: new Set(roles.flatMap((r) => r.software.map((s) => s.category))),
    titles: new Set(Object.keys(quiz.titles)),
    roles: new Set(roles.map((r) => r.id)),
  };
}

const WHAT: Record<string, string> = {
  skills: 'no role lists the skill',
  workStyles: 'no role lists the work style',
  software: 'no role uses software in the category',
  titles: 'no title group is defined with id',
  roles: 'no role has id',
};

/** Checks what the schema cannot: unique ids, and weights naming things that exist. */
function crossCheck(pf: ParsedFile, quiz: Quiz, catalog: Catalog, problems: DataProblem[]): void {
  const known = knownNames(quiz, catalog);
  // `key` names each kind as the file spells it (a requirement's maxSkills holds skills).
  const checkWeights = (weights: Weights, path: PropertyKey[], key = (kind: string) => kind) => {
    for (const kind of Object.keys(WHAT)) {
      const names = weights[kind as keyof Weights];
      if (!names || typeof names !== 'object') continue;
      for (const name of Object.keys(names)) {
        if (known[kind]?.has(name)) continue;
        problems.push({
          file: pf.file,
          ...locate(pf, [...path, key(kind)], name),
          path: [...path, key(kind), name].join('.'),
          message: `${WHAT[kind]} "${name}"`,
        });
      }
    }
  };
  const questionIds = new Set<string>();
  quiz.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) {
      problems.push({
        file: pf.file,
        ...locate(pf, ['questions', i, 'id']),
        path: `questions.${i}.id`,
        message: `duplicate question id "${q.id}"`,
      });
    }
    questionIds.add(q.id);
    if (q.type === 'rating') {
      checkWeights(q.weights, ['questions', i, 'weights']);
      return;
    }
    const choiceIds = new Set<string>();
    q.choices.forEach((c, j) => {
      if (choiceIds.has(c.id)) {
        problems.push({
          file: pf.file,
          ...locate(pf, ['questions', i, 'choices', j, 'id']),
          path: `questions.${i}.choices.${j}.id`,
          message: `duplicate choice id "${c.id}" in question "${q.id}"`,
        });
      }
      choiceIds.add(c.id);
      checkWeights(c.weights, ['questions', i, 'choices', j, 'weights']);
      if (c.requires)
        checkWeights(
          { skills: c.requires.maxSkills, titles: c.requires.maxTitles },
          ['questions', i, 'choices', j, 'requires'],
          (kind) => (kind === 'skills' ? 'maxSkills' : 'maxTitles'),
        );
    });
  });
}

/**
 * Checks a quiz file: the schema, and unless `crossCheckNames` is false the names its weights use
 * against the catalog's roles. Every problem goes to `problems`; returns the quiz when it passed
 * the schema.
 */
export function checkQuiz(
  file: string,
  catalog: Catalog,
  problems: DataProblem[],
  crossCheckNames = true,
): Quiz | undefined {
  const read = readValidated(file, QuizFileSchema, problems);
  if (read && crossCheckNames) crossCheck(read.pf, read.value, catalog, problems);
  return read?.value;
}

/**
 * Loads and validates the quiz for a catalog; throws DataError listing every problem. The names
 * in a quiz are checked against the roles it is used with, except when a data directory without
 * its own quiz.yaml borrows the built-in one: that quiz was written for (and is tested against)
 * the built-in roles, and names the directory's roles lack simply count for nothing.
 */
export function loadQuiz(catalog: Catalog): Quiz {
  const file = quizFile(catalog.dataDir);
  const borrowed =
    resolve(file) === resolve(BUILT_IN_DATA_DIR, 'quiz.yaml') &&
    resolve(catalog.dataDir) !== resolve(BUILT_IN_DATA_DIR);
  const problems: DataProblem[] = [];
  const quiz = checkQuiz(file, catalog, problems, !borrowed);
  if (problems.length > 0 || !quiz) {
    const n = problems.length;
    const shown = problems[0]?.file ?? file;
    throw new DataError(`${n} problem${n === 1 ? '' : 's'} in quiz data ${shown}`, problems);
  }
  return quiz;
}
