/**
 * `careers validate [dir|file...]`: checks data files against the schema and each other and
 * prints every problem as `file:line:col: field.path: message`. Exit 0 clean, 3 invalid.
 */
import type { Command } from 'commander';
import { renderValidate } from '../../render/validate.js';
import type { ValidateData } from '../../core/output.js';
import { ExitCode } from '../../errors.js';
import type { ContextFactory, ResultSink } from '../options.js';

export function registerValidate(
  program: Command,
  context: ContextFactory,
  done: ResultSink,
): void {
  program
    .command('validate')
    .description('check role, quiz, synonym, paths and metros files; print every problem')
    .argument(
      '[paths...]',
      'data directories or files (default: the active data directory: --data, CAREERS_DATA_DIR or built-in)',
    )
    .addHelpText(
      'after',
      `
Directories are checked as data directories (roles/*.yaml or *.yaml, plus their own metros.yaml,
synonyms.yaml, paths.yaml and quiz.yaml). Files named one by one are checked together; a related
role they do not define is looked up in the active data directory.

Exit codes: 0 no problems, 3 at least one problem.

Examples:
  careers validate
  careers validate my-data
  careers validate my-data/roles/new-role.yaml
  careers --data my-data validate --json | jq '.problems[]'`,
    )
    .action(async (paths: string[], _opts: unknown, cmd: Command) => {
      // The schemas and the YAML parser load only when validating.
      const { validateTargets } = await import('../../data/validate.js');
      const ctx = context(cmd);
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
      done(data.valid ? ExitCode.ok : ExitCode.dataInvalid);
    });
}
