/**
 * Loads a data directory's role profiles into a validated Catalog: every file parsed and
 * checked against the schema and the others (unique ids, related roles, metros, sources); all
 * problems are collected and reported together, each with file, line, column and field path.
 *
 * (Over 400 lines: the one load has three modes that must report the same problems in the same
 * order, all roles kept, roles handed to a sink as encoded bytes, and files reused from a cache
 * entry; keeping them side by side is what keeps them in step. A split would be by mode.)
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, isAbsolute, resolve } from 'node:path';
import { DataError, type DataProblem } from '../errors.js';
import { safeCwd } from '../io/fs-errors.js';
import { z } from 'zod';
import { RoleSchema, sourceRef, type Role, type Metro } from '../model/schema.js';
import { makeCatalog, type Catalog } from '../model/catalog.js';
import {
  displayPath,
  fastDocuments,
  locate,
  parseText,
  pathText,
  readDataText,
  toData,
  validate,
  type ParsedFile,
} from './yaml.js';
import { loadMetros } from './metros.js';

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

/** The schema inside a wrapper (optional, nullable, default…), or the schema itself. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { innerType?: z.ZodType };
  return def.innerType ? unwrap(def.innerType) : schema;
}

/** Where a schema holds source references: one, an object's fields, or an array's items. */
type RefPlan = 'ref' | { fields: Array<[string, RefPlan]> } | { items: RefPlan };

/** The plan of a schema, or undefined when no `sourceRef` is inside it. */
function refPlan(schema: z.ZodType): RefPlan | undefined {
  const inner = unwrap(schema);
  if (inner === sourceRef) return 'ref';
  if (inner instanceof z.ZodObject) {
    const fields: Array<[string, RefPlan]> = [];
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const plan = refPlan(field);
      if (plan) fields.push([key, plan]);
    }
    return fields.length ? { fields } : undefined;
  }
  if (inner instanceof z.ZodArray) {
    const items = refPlan(inner.element as z.ZodType);
    return items && { items };
  }
  return undefined;
}

/** The role schema's plan, made once (the walk of the whole schema per role cost most). */
let rolePlan: RefPlan | undefined | null = null;

/**
 * Every reference from a role to an id in its own `sources` list, with the field path: each
 * value the role schema types as `sourceRef`, found by walking the schema beside the value
 * (only the parts of the schema that hold a `sourceRef`).
 */
function sourceRefs(role: Role): Array<{ path: PropertyKey[]; id: string }> {
  if (rolePlan === null) rolePlan = refPlan(RoleSchema);
  const refs: Array<{ path: PropertyKey[]; id: string }> = [];
  const path: PropertyKey[] = [];
  const walk = (plan: RefPlan, value: unknown): void => {
    if (plan === 'ref') {
      if (typeof value === 'string') refs.push({ path: [...path], id: value });
    } else if ('fields' in plan) {
      if (value === null || typeof value !== 'object') return;
      for (const [key, field] of plan.fields) {
        path.push(key);
        walk(field, (value as Record<string, unknown>)[key]);
        path.pop();
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        path.push(i);
        walk(plan.items, item);
        path.pop();
      });
    }
  };
  if (rolePlan) walk(rolePlan, role);
  return refs;
}

/** Reads a string field from data that may not have passed the schema. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** What the cross-checks read of a role document (valid or not): its id and its references. */
interface Links {
  id: unknown;
  /** relatedRoles[i].id, for each i. */
  related: unknown[];
  /** onetRelated.roles[i].id, for each i. */
  onetRelated: unknown[];
  /** cities[i].metro, for each i. */
  metros: unknown[];
}

function linksOf(raw: unknown): Links {
  return {
    id: field(raw, 'id'),
    related: list(field(raw, 'relatedRoles')).map((rel) => field(rel, 'id')),
    onetRelated: list(field(field(raw, 'onetRelated'), 'roles')).map((rel) => field(rel, 'id')),
    metros: list(field(raw, 'cities')).map((city) => field(city, 'metro')),
  };
}

interface LoadedFile {
  /** The file as shown in messages. */
  shown: string;
  /** The parsed document, for positions: made on demand when the fast path read the file. */
  pf: () => ParsedFile | undefined;
  /** The document's links as parsed, valid or not, so cross-checks also cover invalid files. */
  links: Links;
  /** The document passed the schema. */
  valid: boolean;
  /** The validated role, unless a sink took it (LoadOptions.sink). */
  role?: Role;
  /** Its source references that name no entry of its sources (checked as it was read). */
  sourceProblems: DataProblem[];
}

/** Where a path of a document is, if the document is known. */
function at(pf: ParsedFile | undefined, path: readonly PropertyKey[]) {
  return pf ? locate(pf, path) : {};
}

/** The problems of a role's source references: each must name an entry of its own sources. */
function checkSources(role: Role, shown: string, pf: () => ParsedFile | undefined): DataProblem[] {
  const problems: DataProblem[] = [];
  const sourceIds = new Set(role.sources.map((s) => s.id));
  for (const ref of sourceRefs(role)) {
    if (!sourceIds.has(ref.id)) {
      problems.push({
        file: shown,
        ...at(pf(), ref.path),
        path: pathText(ref.path),
        message: `no entry in sources has id "${ref.id}"`,
      });
    }
  }
  return problems;
}

/** Checks what a schema cannot: ids unique, references resolve. Runs on invalid files too. */
function crossCheck(
  files: LoadedFile[],
  metros: Metro[],
  problems: DataProblem[],
  knownIds: ReadonlySet<string>,
): Set<string> {
  const firstFile = new Map<string, string>();
  for (const { shown, pf, links } of files) {
    const { id } = links;
    if (typeof id !== 'string') continue;
    const seen = firstFile.get(id);
    if (seen)
      problems.push({
        file: shown,
        ...at(pf(), ['id']),
        path: 'id',
        message: `duplicate id "${id}" (also in ${seen})`,
      });
    else firstFile.set(id, shown);
  }
  const metroIds = new Set(metros.map((m) => m.id));
  for (const { shown, pf, links, sourceProblems } of files) {
    links.related.forEach((id, i) => {
      if (typeof id === 'string' && !firstFile.has(id) && !knownIds.has(id)) {
        problems.push({
          file: shown,
          ...at(pf(), ['relatedRoles', i, 'id']),
          path: `relatedRoles.${i}.id`,
          message: `no role has id "${id}"`,
        });
      }
    });
    links.onetRelated.forEach((id, i) => {
      if (typeof id === 'string' && !firstFile.has(id) && !knownIds.has(id)) {
        problems.push({
          file: shown,
          ...at(pf(), ['onetRelated', 'roles', i, 'id']),
          path: `onetRelated.roles.${i}.id`,
          message: `no role has id "${id}"`,
        });
      }
    });
    links.metros.forEach((metro, i) => {
      if (typeof metro === 'string' && !metroIds.has(metro)) {
        problems.push({
          file: shown,
          ...at(pf(), ['cities', i, 'metro']),
          path: `cities.${i}.metro`,
          message: `no metro has id "${metro}"`,
        });
      }
    });
    problems.push(...sourceProblems);
  }
  return new Set(firstFile.keys());
}

/**
 * The role files of a data directory; throws DataError (no details) when the directory is
 * missing, not a directory, unreadable (a symlink loop, no permission) or holds no role file.
 */
export function dataDirRoleFiles(dir: string): string[] {
  const shownDir = displayPath(dir);
  let files: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new DataError(`data path ${shownDir} is not a directory`, []);
    files = roleFiles(dir);
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' && !isAbsolute(dir) && safeCwd() === undefined
        ? 'cannot be found: the current directory no longer exists (it was deleted or moved)'
        : code === 'ENOENT'
          ? 'does not exist'
          : code === 'ELOOP'
            ? 'cannot be read (symbolic link loop)'
            : code === 'EACCES' || code === 'EPERM'
              ? 'cannot be read (permission denied)'
              : `cannot be read (${code ?? String(err)})`;
    throw new DataError(`data directory ${shownDir} ${why}`, []);
  }
  if (files.length === 0)
    throw new DataError(`data directory ${shownDir} holds no role files (*.yaml)`, []);
  return files;
}

/** How many role files were read each way so far in this process (DEBUG=careers prints them). */
const counts = { fast: 0, slow: 0, reused: 0, ahead: 0 };
export function parseCounts(): Readonly<typeof counts> {
  return { ...counts };
}

/**
 * A role file's documents read on the fast path (see data/yaml.ts), each valid; or undefined
 * when any is not, or the fast path cannot vouch for the file.
 */
export function readRolesFast(text: string): Role[] | undefined {
  const docs = fastDocuments(text);
  if (!docs) return undefined;
  const out: Role[] = [];
  for (const raw of docs) {
    const result = RoleSchema.safeParse(raw);
    if (!result.success) return undefined;
    out.push(result.data);
  }
  return out;
}

/**
 * A document read, for the cross-checks: its links, and when valid its source problems (unless
 * `checked`: a cached role passed that check, which reads only the role, when it was cached).
 * A sink takes the valid role now (with what was prepared for it, if read ahead); else the entry
 * keeps it.
 */
function loadedOf(
  shown: string,
  pf: () => ParsedFile | undefined,
  raw: unknown,
  role: Role | undefined,
  sink: LoadOptions['sink'],
  checked = false,
  prepared?: unknown,
): LoadedFile {
  const sourceProblems = role && !checked ? checkSources(role, shown, pf) : [];
  if (role && sink) sink(role, checked, prepared);
  return {
    shown,
    pf,
    links: linksOf(role ?? raw),
    valid: role !== undefined,
    role: sink ? undefined : role,
    sourceProblems,
  };
}

/**
 * Document k of a role file parsed with `yaml`, for positions, read again when first asked for:
 * only a cross-check problem needs it, and keeping every file's text for that would hold a whole
 * big directory in memory.
 */
function positionsLater(file: string, shown: string, k: number): () => ParsedFile | undefined {
  let parsed: ParsedFile | undefined;
  return () => {
    if (!parsed) {
      const text = readDataText(file, shown, []);
      parsed = text === undefined ? undefined : parseText(text, shown, [], true)[k];
    }
    return parsed;
  };
}

/** What checking a set of role files found. */
export interface RoleCheck {
  /** The roles that passed the schema, in file order. */
  roles: Role[];
  /** Every role id seen, valid role or not. */
  ids: Set<string>;
  /** How many role documents were read. */
  documents: number;
  /** For each file, how many documents it gave (all roles when there is no problem). */
  perFile: number[];
}

/** How to load role files. */
export interface LoadOptions {
  /** Hears before each role file is read (for progress on big directories). */
  onFile?: (done: number, total: number) => void;
  /**
   * Roles of files the caller knows unchanged since this build validated them (the --data
   * cache), by absolute path, read when their turn comes: the files are not read again (a
   * file whose roles cannot be had, undefined, is read).
   */
  reuse?: ReadonlyMap<string, () => readonly Role[] | undefined>;
  /**
   * Takes each valid role as it is read, in catalog order, instead of the result holding them
   * (RoleCheck.roles is then empty): a big directory's roles need not all be in memory at once.
   * (When the load has problems, the roles it took are not a catalog: the load throws.)
   * `reused` says the role came from `reuse`.
   */
  sink?: (role: Role, reused: boolean, prepared?: unknown) => void;
  /** The built-in metros as validated by the build, for a directory without its own (loadMetros). */
  builtInMetros?: readonly Metro[];
  /**
   * For loadDirectoryAsync: reads role files ahead of the load, elsewhere (worker threads,
   * store/parse-pool.ts), given the role files in order and the positions of those to read.
   */
  readAhead?: (files: readonly string[], order: readonly number[]) => ReadAhead | undefined;
  /** The roles of the file at hand if read ahead (set by loadDirectoryAsync). */
  prefetched?: () => ReadAheadFile | undefined;
}

/** Role files read ahead of a load (LoadOptions.readAhead). */
export interface ReadAhead {
  /** File i read on the fast path, or undefined when the load is to read it itself. */
  take(i: number): Promise<ReadAheadFile | undefined>;
  close(): void;
}

/** A role file read ahead: its valid roles and, for each, what the sink gets with it. */
export interface ReadAheadFile {
  roles: Role[];
  prepared?: unknown[];
}

/**
 * A loaded directory: its roles (none when a sink took them), its metros, and each role file
 * (absolute path) with its role count.
 */
export interface LoadedDirectory {
  roles: Role[];
  metros: Metro[];
  files: Array<{ file: string; roles: number }>;
}

/**
 * Checks role files against the schema and each other (unique ids, related roles, metros,
 * sources); every problem goes to `problems`. `knownIds` are further role ids a related role may
 * name (e.g. the active data directory's, when single files are validated).
 */
export function checkRoles(
  files: string[],
  metros: Metro[],
  problems: DataProblem[],
  knownIds: ReadonlySet<string> = new Set(),
  options: LoadOptions = {},
): RoleCheck {
  const steps = checkRoleSteps(files, metros, problems, knownIds, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** checkRoles one file at a time: the generator pauses after each file (see loadDirectoryAsync). */
function* checkRoleSteps(
  files: string[],
  metros: Metro[],
  problems: DataProblem[],
  knownIds: ReadonlySet<string>,
  options: LoadOptions,
): Generator<void, RoleCheck> {
  const { onFile, reuse, sink, prefetched } = options;
  const loaded: LoadedFile[] = [];
  const perFile: number[] = [];
  let documents = 0;
  for (const [i, file] of files.entries()) {
    onFile?.(i, files.length);
    const before = loaded.length;
    documents += readRoleFile(file, problems, loaded, reuse, sink, prefetched?.());
    perFile.push(loaded.length - before);
    yield;
  }
  const ids = crossCheck(loaded, metros, problems, knownIds);
  return { roles: loaded.flatMap((l) => (l.role ? [l.role] : [])), ids, documents, perFile };
}

/**
 * Reads one role file into `loaded` (its roles kept by the caller, on the fast path, or with
 * `yaml`); returns how many documents it held.
 */
function readRoleFile(
  file: string,
  problems: DataProblem[],
  loaded: LoadedFile[],
  reuse: LoadOptions['reuse'],
  sink: LoadOptions['sink'],
  read?: ReadAheadFile,
): number {
  const shown = displayPath(file);
  const kept = reuse?.get(resolve(file))?.();
  if (kept) {
    // Validated before by this very build; only the cross-checks run again.
    counts.reused++;
    kept.forEach((role, k) => {
      loaded.push(loadedOf(shown, positionsLater(file, shown, k), role, role, sink, true));
    });
    return kept.length;
  }
  // A role file holds one role, or several as a multi-document YAML stream; a worker may have
  // read it on the fast path already (read).
  const text = read ? '' : readDataText(file, shown, problems);
  if (text === undefined) return 0;
  const fast = read?.roles ?? readRolesFast(text);
  if (fast) {
    counts.fast++;
    if (read) counts.ahead++;
    // Positions are needed only for a problem: the file is read again then.
    fast.forEach((role, k) => {
      const pf = positionsLater(file, shown, k);
      loaded.push(loadedOf(shown, pf, role, role, sink, false, read?.prepared?.[k]));
    });
    return fast.length;
  }
  counts.slow++;
  let documents = 0;
  for (const pf of parseText(text, shown, problems, true)) {
    documents++;
    const data = toData(pf, problems);
    if (!data.ok) continue;
    const role = validate(pf, data.value, RoleSchema, problems);
    loaded.push(loadedOf(shown, () => pf, data.value, role, sink));
  }
  return documents;
}

/**
 * Loads and validates a whole data directory; throws DataError listing every problem. `onFile`
 * hears before each role file is read (for progress on big directories).
 */
export function loadCatalog(dir: string, onFile?: (done: number, total: number) => void): Catalog {
  const files = dataDirRoleFiles(dir);
  const problems: DataProblem[] = [];
  const metros = loadMetros(dir, problems);
  const { roles } = checkRoles(files, metros, problems, new Set(), { onFile });
  return catalogOf(dir, roles, metros, problems);
}

/**
 * Loads a data directory as loadCatalog does, reusing roles the caller kept (options.reuse) and
 * saying which file gave how many roles; awaits `pause()` after each role file, so a long first
 * load lets the event loop run (a Ctrl-C is then handled at once, not after the load).
 */
export async function loadDirectoryAsync(
  dir: string,
  pause: () => Promise<void>,
  options: LoadOptions = {},
): Promise<LoadedDirectory> {
  const files = dataDirRoleFiles(dir);
  const problems: DataProblem[] = [];
  const metros = loadMetros(dir, problems, options.builtInMetros);
  // The files to parse (not reused from the cache) may be read ahead elsewhere.
  const order = files.flatMap((f, i) => (options.reuse?.has(resolve(f)) ? [] : [i]));
  const pool = options.readAhead?.(files, order);
  let current: ReadAheadFile | undefined;
  const steps = checkRoleSteps(files, metros, problems, new Set(), {
    ...options,
    prefetched: () => current,
  });
  try {
    // Step i reads file i: its roles, if a worker read them, are taken first.
    for (let i = 0; ; i++) {
      current = await pool?.take(i);
      const step = steps.next();
      if (step.done) {
        const { roles, perFile } = step.value;
        throwProblems(dir, problems);
        return {
          roles,
          metros,
          files: files.map((f, i) => ({ file: resolve(f), roles: perFile[i] ?? 0 })),
        };
      }
      await pause();
    }
  } finally {
    pool?.close();
  }
}

/** Throws a DataError listing every problem found in a data directory, if there is one. */
function throwProblems(dir: string, problems: DataProblem[]): void {
  if (problems.length > 0) {
    const n = problems.length;
    throw new DataError(
      `${n} problem${n === 1 ? '' : 's'} in data at ${displayPath(dir)}`,
      problems,
    );
  }
}

function catalogOf(dir: string, roles: Role[], metros: Metro[], problems: DataProblem[]): Catalog {
  throwProblems(dir, problems);
  return makeCatalog(roles, metros, dir);
}
