/**
 * `careers export`: the roles, filtered like `list`, as JSON, YAML or CSV, to stdout or a file.
 */
import { Option } from 'commander';
import type { RoleFilters } from '../../core/filters.js';
import { resolveRole } from '../../core/search/resolve.js';
import {
  CSV_TABLES,
  EXPORT_FORMATS,
  formatForFile,
  type CsvTable,
  type ExportFormat,
} from '../../core/export-formats.js';
import type { ExportData } from '../../core/output.js';
import { renderJson } from '../../model/json.js';
import { clean } from '../../text.js';
import { basename, dirname, join, resolve } from 'node:path';
import { checkTarget, writeFileAtomicAsync } from '../../io/files.js';
import { checkpoint, commitPoint, markCommitted } from '../../io/interrupt.js';
import { ExitCode, UsageError } from '../../errors.js';
import { version } from '../../version.js';
import { plural } from '../../text.js';
import { addFilterOptions, filteredRoles } from '../options.js';
import { defineCommand } from '../command.js';

interface ExportOptions extends Omit<RoleFilters, 'ids'> {
  role?: string[];
  format?: ExportFormat;
  table?: CsvTable;
  fields?: string;
  out?: string;
  force?: boolean;
}

/** --format wins; else --json means JSON; else the --out file's extension; else JSON. */
function chooseFormat(opts: ExportOptions, json: boolean): ExportFormat {
  if (json && opts.format !== undefined && opts.format !== 'json')
    throw new UsageError(`--json contradicts --format ${opts.format}; use one of them`);
  const file = opts.out === '-' ? undefined : opts.out;
  return opts.format ?? (json ? 'json' : (file && formatForFile(file)) || 'json');
}

/** Where a YAML export's career steps go: the paths.yaml of the data directory --out is in. */
function pathsFileFor(out: string): string {
  const dir = dirname(out);
  return join(basename(dir) === 'roles' ? dirname(dir) : dir, 'paths.yaml');
}

export default defineCommand({
  name: 'export',
  description: 'write the roles as JSON, YAML or CSV, for scripts and spreadsheets',
  options: (command) =>
    addFilterOptions(command)
      .option(
        '--role <name...>',
        'only these roles: ids, titles or aliases (several, or comma-separated)',
      )
      .addOption(
        new Option(
          '-f, --format <format>',
          'output format (default: json, or what the --out file name ends with)',
        ).choices(EXPORT_FORMATS),
      )
      .addOption(
        new Option(
          '--table <name>',
          'CSV only: one row per role (roles, the default) or per skill, software/tool or salary entry',
        ).choices(CSV_TABLES),
      )
      .option(
        '--fields <names>',
        'comma-separated columns (CSV) or role fields (JSON, YAML) to keep, in that order for CSV',
      )
      .option('-o, --out <file>', 'write to this file instead of stdout (atomically; - is stdout)')
      .option('--force', 'let --out replace an existing file'),
  notes: `CSV is RFC 4180 with a header row; lists are joined with "; "; numbers are plain; a cell starting
with = + - @ gets a leading ' so spreadsheets do not run it. YAML holds one role per document and
loads back with --data; with --out, the career steps between the roles go to paths.yaml beside it.`,
  examples: [
    'careers export > roles.json',
    'careers export --format csv --fields id,title,medianSalary,p10,p90',
    'careers export --format csv --table skills --role bookkeeper payroll',
    'careers export --format yaml --out my-data/roles.yaml',
    'careers --data my-data list',
  ],
  readsData: true,
  roleArguments: false,
  jsonSchemas: ['export'],
  async run(ctx, _args: [], opts: ExportOptions) {
    // The serialisers (and the schemas they use) load only when exporting.
    const [
      { csvTable, parseFields, pickFields, roleFields },
      { renderCsv, renderYamlRoles, renderYamlSteps },
    ] = await Promise.all([import('../../core/export.js'), import('../../render/export.js')]);
    const format = chooseFormat(opts, ctx.json);
    if (opts.table !== undefined && format !== 'csv')
      throw new UsageError('--table applies only to --format csv');
    const fields = opts.fields === undefined ? undefined : parseFields(opts.fields);
    const ids = opts.role
      ?.flatMap((name) => name.split(','))
      .filter((name) => name.trim() !== '')
      .map((name) => resolveRole(ctx.index(), name).id);
    const roles = filteredRoles(ctx, { ...opts, ids });
    if (roles.length === 0) {
      return ExitCode.notFound;
    }

    await checkpoint();
    let text: string;
    if (format === 'csv') {
      text = renderCsv(csvTable(roles, opts.table ?? 'roles', fields));
    } else {
      const keep = roleFields(fields);
      const picked = roles.map((r) => pickFields(r, keep));
      const data: ExportData = { count: picked.length, fields: keep, roles: picked };
      text =
        format === 'json'
          ? renderJson(data)
          : renderYamlRoles(picked, { version: version(), partial: fields !== undefined });
    }

    if (opts.out !== undefined && opts.out !== '-') {
      // A whole-role YAML file is data for --data: the career steps between its roles go to
      // the paths.yaml beside it, so the round trip keeps them (both checked before writing).
      const exported = new Set(roles.map((r) => r.id));
      const steps =
        format === 'yaml' && fields === undefined
          ? ctx.steps().filter((s) => exported.has(s.from) && exported.has(s.to))
          : [];
      let pathsFile = steps.length > 0 ? pathsFileFor(opts.out) : undefined;
      if (pathsFile !== undefined && resolve(pathsFile) === resolve(opts.out))
        pathsFile = undefined;
      if (pathsFile !== undefined) checkTarget(pathsFile, opts.force);
      // A signal that came during the work is handled before the file is replaced: the old
      // file stays whole and the temp file goes (cli/main.ts, io/interrupt.ts).
      await writeFileAtomicAsync(opts.out, text, {
        force: opts.force,
        beforeCommit: commitPoint,
      });
      if (pathsFile !== undefined) {
        const tops = ctx.tops().filter((t) => exported.has(t.role));
        await writeFileAtomicAsync(
          pathsFile,
          renderYamlSteps(steps, { version: version() }, tops),
          { force: opts.force, beforeCommit: commitPoint },
        );
      }
      markCommitted();
      const also = pathsFile
        ? ` and ${plural(steps.length, 'career step')} to ${clean(pathsFile)}`
        : '';
      ctx.note(
        `careers: wrote ${plural(roles.length, 'role')} to ${clean(opts.out)} (${format})${also}`,
      );
    } else {
      // CSV has no escapes: on a terminal its cells are cleaned of control sequences (JSON and
      // YAML carry them escaped already). Piped or redirected, the data goes out as it is.
      ctx.io.stdout(format === 'csv' && ctx.io.isTTY ? clean(text.replace(/\r\n/g, '\n')) : text);
    }
    return ExitCode.ok;
  },
});
