/**
 * What `careers export` writes, as plain data: whole roles (optionally cut down to some fields)
 * for JSON and YAML, or rows of cells for CSV — one row per role, or a long-format child table
 * (skills, software, salary) with one row per item. Serialising is left to render/export.ts.
 */
import type { Role } from '../model/schema.js';
import { RoleSchema } from '../model/schema.js';
import { UsageError } from '../errors.js';
import { headlineSalary } from '../model/catalog.js';

export {
  CSV_TABLES,
  EXPORT_FORMATS,
  formatForFile,
  type CsvTable,
  type ExportFormat,
} from './export-formats.js';
import type { CsvTable } from './export-formats.js';

/** A CSV cell before serialising; undefined is an empty cell. */
export type Cell = string | number | boolean | undefined;

/** A table ready for CSV: the header and one array of cells per row. */
export interface TableData {
  header: string[];
  rows: Cell[][];
}

/** Separator for list fields (aliases, skills, software...) inside one CSV cell. */
export const LIST_SEPARATOR = '; ';

const joined = (items: string[]): string => items.join(LIST_SEPARATOR);

/** Declares a table: its columns, in order, and the rows (by column name) one role gives. */
function table<const C extends string>(
  columns: readonly C[],
  rows: (role: Role) => Array<Record<C, Cell>>,
) {
  return { columns, rows };
}

/** Every CSV table: columns in their default order and how a role becomes rows. */
const TABLES = {
  roles: table(
    [
      'id',
      'title',
      'onetTitle',
      'socCodes',
      'medianSalary',
      'meanSalary',
      'p10',
      'p25',
      'p75',
      'p90',
      'salaryPeriod',
      'salaryLabel',
      'employment',
      'jobZone',
      'education',
      'industries',
      'skills',
      'software',
      'tools',
      'certifications',
      'aliases',
      'onetTitles',
      'summary',
    ],
    (r) => {
      const s = headlineSalary(r);
      return [
        {
          id: r.id,
          title: r.title,
          onetTitle: r.onetTitle,
          socCodes: joined(r.socCodes),
          medianSalary: s?.median,
          meanSalary: s?.mean,
          p10: s?.p10,
          p25: s?.p25,
          p75: s?.p75,
          p90: s?.p90,
          salaryPeriod: s?.period,
          salaryLabel: s?.label,
          employment: s?.employment,
          jobZone: r.jobZone?.level,
          education: r.education?.summary,
          industries: joined(r.industries),
          skills: joined(r.skills.map((x) => x.name)),
          software: joined(r.software.map((x) => x.name)),
          tools: joined(r.tools.map((x) => x.name)),
          certifications: joined(r.certifications.map((c) => c.name)),
          aliases: joined(r.aliases),
          onetTitles: joined(r.onetTitles),
          summary: r.summary,
        },
      ];
    },
  ),
  skills: table(['roleId', 'skill', 'importance', 'source'], (r) =>
    r.skills.map((s) => ({
      roleId: r.id,
      skill: s.name,
      importance: s.importance,
      source: s.source,
    })),
  ),
  software: table(['roleId', 'kind', 'name', 'category', 'hot', 'inDemand', 'source'], (r) =>
    (['software', 'tools'] as const).flatMap((list) =>
      r[list].map((t) => ({
        roleId: r.id,
        kind: list === 'software' ? 'software' : 'tool',
        name: t.name,
        category: t.category,
        hot: t.hot,
        inDemand: t.inDemand,
        source: t.source,
      })),
    ),
  ),
  salary: table(
    [
      'roleId',
      'label',
      'period',
      'area',
      'socCode',
      'median',
      'mean',
      'p10',
      'p25',
      'p75',
      'p90',
      'low',
      'high',
      'medianHourly',
      'employment',
      'source',
    ],
    (r) =>
      r.salary.map((s) => ({
        roleId: r.id,
        label: s.label,
        period: s.period,
        area: s.area,
        socCode: s.socCode,
        median: s.median,
        mean: s.mean,
        p10: s.p10,
        p25: s.p25,
        p75: s.p75,
        p90: s.p90,
        low: s.low,
        high: s.high,
        medianHourly: s.medianHourly,
        employment: s.employment,
        source: s.source,
      })),
  ),
};

/** The columns of a CSV table, in their default order. */
export function csvColumns(name: CsvTable): readonly string[] {
  return TABLES[name].columns;
}

/** Top-level role fields, in schema order: what `--fields` picks from in JSON and YAML. */
export const ROLE_FIELDS = Object.keys(RoleSchema.shape) as Array<keyof Role>;

/** Checks `wanted` against the allowed names; a wrong one is a usage error listing the choices. */
function checkFields(wanted: string[], allowed: readonly string[], what: string): void {
  const unknown = wanted.filter((f) => !allowed.includes(f));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')} for ${what}; choose from: ${allowed.join(', ')}`,
    );
}

/** Splits a `--fields` value ("id,title, medianSalary") into names. */
export function parseFields(value: string): string[] {
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw new UsageError('--fields needs at least one field name');
  return fields;
}

/** Rows of one CSV table for these roles, with only `fields` (in that order) when given. */
export function csvTable(roles: Role[], name: CsvTable, fields?: string[]): TableData {
  const def = TABLES[name];
  const header: string[] = fields ?? [...def.columns];
  checkFields(header, def.columns, `the ${name} table`);
  const rows = roles.flatMap((r) =>
    (def.rows(r) as Array<Record<string, Cell>>).map((row) => header.map((c) => row[c])),
  );
  return { header, rows };
}

/** Role fields to export for JSON/YAML: all, or the ones asked for in schema order, id first. */
export function roleFields(fields?: string[]): Array<keyof Role> {
  if (!fields) return [...ROLE_FIELDS];
  checkFields(fields, ROLE_FIELDS, 'JSON and YAML exports (role fields)');
  return ROLE_FIELDS.filter((f) => f === 'id' || fields.includes(f));
}

/** A copy of a role holding only the given fields (and always its id). */
export function pickFields(
  role: Role,
  fields: ReadonlyArray<keyof Role>,
): Partial<Role> & Pick<Role, 'id'> {
  return { id: role.id, ...Object.fromEntries(fields.map((f) => [f, role[f]])) };
}
