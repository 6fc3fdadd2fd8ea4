/**
 * `careers schema [name]`: the JSON Schemas of the --json outputs, as shipped in schema/.
 */
import { Argument, type Command } from 'commander';
import {
  OUTPUTS,
  schemaFile,
  schemaNames,
  schemaText,
  type SchemaListData,
} from '../../core/output.js';
import { renderSchemaList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import type { ContextFactory, ResultSink } from '../options.js';

export function registerSchema(program: Command, context: ContextFactory, done: ResultSink): void {
  program
    .command('schema')
    .description("print the JSON Schema of a command's --json output; without a name, list them")
    .addArgument(new Argument('[name]', 'which schema').choices(schemaNames()))
    .addHelpText(
      'after',
      `
The same files ship in the package as schema/<name>.schema.json (JSON Schema draft 2020-12).

Examples:
  careers schema
  careers schema show
  careers schema export > export.schema.json`,
    )
    .action((name: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = context(cmd);
      if (name !== undefined) {
        // A schema is JSON already: printed as is, with or without --json.
        ctx.io.stdout(schemaText(name));
      } else {
        const schemas = schemaNames().map((n) => ({
          name: n,
          file: `schema/${schemaFile(n)}`,
          description: OUTPUTS[n]?.description ?? '',
        }));
        ctx.print(
          () => renderSchemaList(ctx.render, schemas),
          (): SchemaListData => ({ schemas }),
        );
      }
      done(ExitCode.ok);
    });
}
