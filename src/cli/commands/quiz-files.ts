/**
 * Quiz answers files: reading one (YAML or JSON) and saving one. A module of its own, loaded
 * only when a file is read or written, because it brings the YAML parser.
 */
import { statSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Quiz } from '../../model/quiz-schema.js';
import { answersForFile, parseAnswers, type Answers } from '../../core/quiz.js';
import { writeFileAtomic } from '../../io/files.js';
import { plural } from '../../text.js';
import {
  MAX_FILE_BYTES,
  decodeText,
  parseYamlText,
  readDataText,
  toData,
} from '../../data/yaml.js';
import { IoError, UsageError, formatProblem, type DataProblem } from '../../errors.js';

/**
 * Reads and checks an answers file (YAML or JSON); bad answers are usage errors. A question the
 * file leaves out counts as skipped, and `note` gets one line saying which (it cleans the line
 * for the terminal, as Context.note does).
 */
export function readAnswers(
  quiz: Quiz,
  file: string,
  readStdin: (limit: number) => Uint8Array,
  note: (line: string) => void,
): Answers {
  const where = file === '-' ? 'answers on stdin' : file;
  const problems: DataProblem[] = [];
  let text: string | undefined;
  if (file === '-') {
    // Read in chunks and stopped at the limit: stdin may never end (`yes |`).
    text = decodeText(readStdin(MAX_FILE_BYTES), where, problems);
  } else {
    try {
      statSync(file);
    } catch (err) {
      throw new IoError(`cannot read ${where} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    text = readDataText(file, where, problems);
  }
  const pf =
    text === undefined ? undefined : parseYamlText(text.replace(/^\uFEFF/, ''), where, problems);
  const data = pf && toData(pf, problems);
  const [first, ...rest] = problems;
  if (first || !data?.ok)
    throw new UsageError(
      first ? formatProblem(first) : `${where}: unreadable`,
      rest.map(formatProblem),
    );
  return parseAnswers(quiz, data.value, where, (ids) =>
    note(
      `careers: ${where}: ${plural(ids.length, 'question')} not answered (${ids.join(', ')}), counted as skipped`,
    ),
  );
}

/** Writes the answers as a replayable answers file (atomically; never over a file without force). */
export function saveAnswers(quiz: Quiz, answers: Answers, file: string, force?: boolean): void {
  writeFileAtomic(file, answersText(quiz, answers), { force });
}

/** The answers file as text. */
export function answersText(quiz: Quiz, answers: Answers): string {
  return stringify(answersForFile(quiz, answers));
}
