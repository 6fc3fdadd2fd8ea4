/**
 * The report of `careers validate`: one line per problem, then a count.
 */
import { formatProblem } from '../errors.js';
import type { ValidateData } from '../core/output.js';
import { clean, plural } from '../text.js';

/** Every problem as `file:line:col: field.path: message` (sanitised), and a summary line. */
export function renderValidate(data: ValidateData): string {
  const lines = data.problems.map((p) => clean(formatProblem(p)).replace(/\n/g, ' '));
  const files = new Set(data.problems.map((p) => p.file)).size;
  lines.push(
    data.valid
      ? `careers: ${plural(data.files, 'file')} checked, no problems`
      : `careers: ${plural(data.problems.length, 'problem')} in ${plural(files, 'file')} (${plural(data.files, 'file')} checked)`,
  );
  return lines.join('\n') + '\n';
}
