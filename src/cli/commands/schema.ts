/**
 * `careers schema [name]`: the JSON Schemas of the --json outputs, as shipped in schema/.
 */
import { Argument } from 'commander';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { SchemaListData } from '../../core/output.js';
import { renderSchemaList } from '../../render/lists.js';
import { ExitCode } from '../../errors.js';
import { defineCommand } from '../command.js';

/** The package's schema/ directory; the build checks it matches src/core/output.ts. */
const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

/** Names of the shipped schemas, sorted. */
function shippedNames(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.schema\.json$/, ''))
    .sort();
}

function shippedText(name: string): string {
  return readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8');
}

export default defineCommand({
  name: 'schema',
  description: "print the JSON Schema of a command's --json output; without a name, list them",
  options: (command) =>
    command.addArgument(new Argument('[name]', 'which schema').choices(shippedNames())),
  notes:
    'The same files ship in the package as schema/<name>.schema.json (JSON Schema draft 2020-12).',
  examples: ['careers schema', 'careers schema show', 'careers schema export > export.schema.json'],
  readsData: false,
  roleArguments: false,
  jsonSchemas: ['schemas'],
  run(ctx, [name]: [string | undefined]) {
    if (name !== undefined) {
      // A schema is JSON already: printed as is, with or without --json.
      ctx.io.stdout(shippedText(name));
    } else {
      const schemas = shippedNames().map((n) => ({
        name: n,
        file: `schema/${n}.schema.json`,
        description: String(
          (JSON.parse(shippedText(n)) as { description?: string }).description ?? '',
        ),
      }));
      ctx.print(
        () => renderSchemaList(ctx.renderContext, schemas),
        (): SchemaListData => ({ schemas }),
      );
    }
    return ExitCode.ok;
  },
});
