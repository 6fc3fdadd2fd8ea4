/**
 * `careers validate [dir|file...]`: checks data files against the schema and each other and
 * prints every problem as `file:line:col: field.path: message`. Exit 0 clean, 3 invalid.
 */

import { renderValidate } from '../../render/validate.js';
import type { ValidateData } from '../../core/output.js';
import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'validate',
  description: 'check role, quiz, synonym, paths and metros files; print every problem',
  options: (command) =>
    command.argument(
      '[paths...]',
      'data directories or files (default: the active data directory: --data, CAREERS_DATA_DIR or built-in)',
    ),
  notes: `Directories are checked as data directories (roles/*.yaml or *.yaml, plus their own metros.yaml,
synonyms.yaml, paths.yaml and quiz.yaml). Files named one by one are checked together; a related
role they do not define is looked up in the active data directory.

Exit codes: 0 no problems, 3 at least one problem.`,
  examples: [
    'careers validate',
    'careers validate my-data',
    'careers validate my-data/roles/new-role.yaml',
    "careers --data my-data validate --json | jq '.problems[]'",
  ],
  // It reads the data its own way: every file, every problem.
  readsData: false,
  roleArguments: false,
  jsonSchemas: ['validate'],
  async run(ctx, [paths]: [string[]]) {
    // The schemas and the YAML parser load only when validating.
    const { validateTargets } = await import('../../data/validate.js');
    const report = validateTargets(paths, ctx.dataDir);
    const data: ValidateData = {
      valid: report.problems.length === 0,
      files: report.files,
      problems: report.problems,
    };
    ctx.print(
      () => renderValidate(data),
      () => data,
    );
    return data.valid ? ExitCode.ok : ExitCode.dataInvalid;
  },
});
