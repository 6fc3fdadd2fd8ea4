/**
 * Loads a data directory (role profiles + metros) into a validated Catalog.
 * Every file is parsed and checked; all problems are collected and reported together,
 * each with file, line, column and field path.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { LineCounter, parseAllDocuments, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import type { ZodType } from 'zod';
import { DataError, type DataProblem } from '../errors.js';
import { RoleSchema, MetrosFileSchema, type Role, type Metro } from './schema.js';
import type { Catalog } from '../core/catalog.js';
import { makeCatalog } from '../core/catalog.js';

export { BUILT_IN_DATA_DIR, resolveDataDir } from './dirs.js';
import { BUILT_IN_DATA_DIR } from './dirs.js';

/** Largest data file accepted, so a stray huge file cannot stall the tool. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Cap on YAML alias expansion ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;


/** A parsed YAML file with what is needed to point at lines inside it. */
export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Shows a path relative to the working directory when it is inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Options for every YAML parse: duplicate keys are errors, positions come from `lines`. */
function parseOptions(lines: LineCounter) {
  return { lineCounter: lines, uniqueKeys: true, prettyErrors: false } as const;
}

/** Reads a data file as text, or adds a problem (too big, unreadable) and returns undefined. */
function readText(file: string, shown: string, problems: DataProblem[]): string | undefined {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({ file: shown, path: '', message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES}` });
      return undefined;
    }
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    problems.push({ file: shown, path: '', message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
    return undefined;
  }
}

/** Adds a document's syntax errors to `problems`; true when it has none. */
function syntaxOk(shown: string, doc: Document.Parsed, lines: LineCounter, problems: DataProblem[]): boolean {
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    problems.push({ file: shown, line: pos.line, col: pos.col, path: '', message: firstLine(e.message) });
  }
  return doc.errors.length === 0;
}

/** Reads and parses one YAML file; syntax problems are added to `problems`. */
export function readYaml(file: string, problems: DataProblem[]): ParsedFile | undefined {
  const shown = displayPath(file);
  const text = readText(file, shown, problems);
  if (text === undefined) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, parseOptions(lines));
  return syntaxOk(shown, doc, lines, problems) ? { file: shown, doc, lines } : undefined;
}

/**
 * Reads a YAML file that may hold several documents separated by `---` (e.g. one role each, as
 * `careers export --format yaml` writes). Each document comes back as its own ParsedFile sharing
 * the file's line counter, so located errors keep pointing at the right line. Documents with
 * syntax errors are reported and left out; empty documents in a stream (a trailing `---`) are
 * skipped.
 */
export function readYamlDocuments(file: string, problems: DataProblem[]): ParsedFile[] {
  const shown = displayPath(file);
  const text = readText(file, shown, problems);
  if (text === undefined) return [];
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, parseOptions(lines));
  if (docs.length === 0) {
    problems.push({ file: shown, path: '', message: 'the file holds no YAML document' });
    return [];
  }
  const nonEmpty = docs.length === 1 ? docs : docs.filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
  return nonEmpty.filter((doc) => syntaxOk(shown, doc, lines, problems)).map((doc) => ({ file: shown, doc, lines }));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Finds the node at a path, or the nearest ancestor that exists, and returns its position. */
export function locate(pf: ParsedFile, path: readonly PropertyKey[], key?: string): { line?: number; col?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? pf.doc.contents : (pf.doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if (!node || typeof node !== 'object') continue;
    let target: Node | undefined = node as Node;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) target = pair.key;
    }
    const offset = target?.range?.[0];
    if (offset !== undefined) {
      const pos = pf.lines.linePos(offset);
      return { line: pos.line, col: pos.col };
    }
  }
  return {};
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Converts a parsed document to plain data, with alias expansion capped. */
export function toData(pf: ParsedFile, problems: DataProblem[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: pf.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    problems.push({ file: pf.file, path: '', message: firstLine((err as Error).message) });
    return { ok: false };
  }
}

/** Validates data against a schema, turning every zod issue into a located problem. */
export function validate<T>(pf: ParsedFile, value: unknown, schema: ZodType<T>, problems: DataProblem[]): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file: pf.file, ...locate(pf, issue.path, key), path: pathText([...issue.path, key]), message: 'unknown field' });
      }
    } else {
      problems.push({ file: pf.file, ...locate(pf, issue.path), path: pathText(issue.path), message: issue.message });
    }
  }
  return undefined;
}

/** Data files beside the roles that are not role profiles. */
const SHARED_FILES = new Set(['metros.yaml', 'synonyms.yaml', 'paths.yaml', 'quiz.yaml']);

/** Lists the role files of a data directory: `roles/*.yaml` if present, else `*.yaml`. */
export function roleFiles(dir: string): string[] {
  const rolesDir = existsSync(join(dir, 'roles')) ? join(dir, 'roles') : dir;
  return readdirSync(rolesDir)
    .filter((f) => /\.ya?ml$/i.test(f) && !SHARED_FILES.has(f.replace(/\.yml$/i, '.yaml')))
    .sort()
    .map((f) => join(rolesDir, f));
}

/** Every reference from a role to an id in its own `sources` list, with the field path. */
function sourceRefs(role: Role): Array<{ path: PropertyKey[]; id: string }> {
  const refs: Array<{ path: PropertyKey[]; id: string }> = [];
  const lists = ['skills', 'software', 'tools', 'salary', 'certifications', 'howToBecome', 'workStyles'] as const;
  for (const list of lists) {
    role[list].forEach((item, i) => refs.push({ path: [list, i, 'source'], id: item.source }));
  }
  role.cities.forEach((c, i) => c.sources.forEach((id, j) => refs.push({ path: ['cities', i, 'sources', j], id })));
  for (const section of ['salaryTrend', 'jobZone', 'education', 'interests'] as const) {
    const value = role[section];
    if (value) refs.push({ path: [section, 'source'], id: value.source });
  }
  return refs;
}

/** Reads a string field from data that may not have passed the schema. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

interface LoadedFile {
  pf: ParsedFile;
  /** The file's data as parsed, valid or not, so cross-checks also cover invalid files. */
  raw: unknown;
  /** The validated role, when the file passed the schema. */
  role?: Role;
}

/** Checks what a schema cannot: ids unique, references resolve. Runs on invalid files too. */
function crossCheck(files: LoadedFile[], metros: Metro[], problems: DataProblem[]): void {
  const firstFile = new Map<string, string>();
  for (const { pf, raw } of files) {
    const id = field(raw, 'id');
    if (typeof id !== 'string') continue;
    const seen = firstFile.get(id);
    if (seen) problems.push({ file: pf.file, ...locate(pf, ['id']), path: 'id', message: `duplicate id "${id}" (also in ${seen})` });
    else firstFile.set(id, pf.file);
  }
  const metroIds = new Set(metros.map((m) => m.id));
  for (const { pf, raw, role } of files) {
    list(field(raw, 'relatedRoles')).forEach((rel, i) => {
      const id = field(rel, 'id');
      if (typeof id === 'string' && !firstFile.has(id)) {
        problems.push({ file: pf.file, ...locate(pf, ['relatedRoles', i, 'id']), path: `relatedRoles.${i}.id`, message: `no role has id "${id}"` });
      }
    });
    list(field(raw, 'cities')).forEach((city, i) => {
      const metro = field(city, 'metro');
      if (typeof metro === 'string' && !metroIds.has(metro)) {
        problems.push({ file: pf.file, ...locate(pf, ['cities', i, 'metro']), path: `cities.${i}.metro`, message: `no metro has id "${metro}"` });
      }
    });
    if (!role) continue;
    const sourceIds = new Set(role.sources.map((s) => s.id));
    for (const ref of sourceRefs(role)) {
      if (!sourceIds.has(ref.id)) {
        problems.push({ file: pf.file, ...locate(pf, ref.path), path: pathText(ref.path), message: `no entry in sources has id "${ref.id}"` });
      }
    }
  }
}

function loadMetros(dir: string, problems: DataProblem[]): Metro[] {
  const own = join(dir, 'metros.yaml');
  const file = existsSync(own) ? own : join(BUILT_IN_DATA_DIR, 'metros.yaml');
  if (!existsSync(file)) return [];
  const pf = readYaml(file, problems);
  const data = pf && toData(pf, problems);
  return (pf && data?.ok && validate(pf, data.value, MetrosFileSchema, problems)?.metros) || [];
}

/** Loads and validates a whole data directory; throws DataError listing every problem. */
export function loadCatalog(dir: string): Catalog {
  const shownDir = displayPath(dir);
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DataError(`data path ${shownDir} is not a directory`, []);
    files = roleFiles(dir);
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(err)})`;
    throw new DataError(`data directory ${shownDir} ${why}`, []);
  }
  if (files.length === 0) throw new DataError(`data directory ${shownDir} holds no role files (*.yaml)`, []);

  const problems: DataProblem[] = [];
  const metros = loadMetros(dir, problems);
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    // A role file holds one role, or several as a multi-document YAML stream.
    for (const pf of readYamlDocuments(file, problems)) {
      const data = toData(pf, problems);
      if (!data.ok) continue;
      loaded.push({ pf, raw: data.value, role: validate(pf, data.value, RoleSchema, problems) });
    }
  }
  crossCheck(loaded, metros, problems);
  if (problems.length > 0) {
    const n = problems.length;
    throw new DataError(`${n} problem${n === 1 ? '' : 's'} in data at ${shownDir}`, problems);
  }
  return makeCatalog(
    loaded.map((l) => l.role as Role),
    metros,
    dir,
  );
}
