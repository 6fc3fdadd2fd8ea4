/**
 * Reading untrusted data files: bytes to text (size cap, UTF-8 / UTF-16 / NUL checks), text to
 * YAML documents with every safety check (aliases, depth, tags, reserved keys, duplicate keys),
 * and documents to schema-checked values, each problem located by file, line, column and field
 * path. readValidated does all three for one file. (Over 400 lines: every check a data file gets
 * sits in this one file, so no reader can skip one.)
 *
 * Role files are read on a fast path first (fastDocuments): js-yaml (about three times the speed
 * of the `yaml` package, and far less garbage) builds plain data, which the schema checks. Any
 * file the fast path cannot vouch for (a js-yaml error, a tag, a directive, an alias, a reserved
 * key, or any schema problem) is parsed again with `yaml`, whose syntax tree gives every problem
 * its line and column: the slow path decides what is reported, the fast one only what passes.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { ZodType } from 'zod';
import type { DataProblem } from '../errors.js';
import { safeCwd } from '../io/fs-errors.js';
import { lazyRequire } from '../io/lazy-require.js';

/**
 * The `yaml` package, loaded when first needed: a load whose role files all pass the fast path,
 * with the built-in metros and synonyms, never needs it.
 */
let yamlModule: typeof YamlModule | undefined;
function yaml(): typeof YamlModule {
  return (yamlModule ??= lazyRequire<typeof YamlModule>('yaml'));
}

/** Largest data file accepted, so a stray huge file cannot stall the tool. */
export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Largest data file: the built-in catalog exported as one YAML file (about 1.2 MB for 59 roles)
 * must load back with --data, so data files may be larger than other inputs.
 */
export const MAX_DATA_FILE_BYTES = 4 * 1024 * 1024;
/** Cap on YAML alias expansion ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of maps and lists accepted in a data file; real data needs fewer than 10. */
export const MAX_DEPTH = 64;
/** The only tags a data file may carry: YAML 1.2 core types. Anything else is an error. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);
/** Keys that could reach an object's prototype if some code ever assigned them blindly. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed YAML file with what is needed to point at lines inside it. */
export interface ParsedFile {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Shows a path relative to the working directory when it is inside it. */
export function displayPath(file: string): string {
  // A deleted working directory: show paths as given.
  const cwd = safeCwd();
  if (cwd === undefined) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Options for every YAML parse: duplicate keys are errors, positions come from `lines`. */
function parseOptions(lines: LineCounter) {
  return { lineCounter: lines, uniqueKeys: true, prettyErrors: false } as const;
}

/** Why a file could not be opened, in words, from an fs error. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'cannot read file: it does not exist';
  if (code === 'ELOOP') return 'cannot read file: symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read file: permission denied';
  if (code === 'EISDIR') return 'cannot read file: it is a directory';
  return `cannot read file (${code ?? String(err)})`;
}

/** Line and column (1-based) of a character offset in text. */
function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/**
 * The byte order of UTF-16 text, from its byte order mark or, without one, from where the NUL
 * bytes fall (ASCII in UTF-16 is every other byte 0); undefined when the bytes do not look so.
 */
export function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return 'little-endian';
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return 'big-endian';
  return undefined;
}

/**
 * Decodes bytes as UTF-8, strictly: invalid bytes are a located problem (not replacement
 * characters), UTF-16 (with or without a byte order mark) and NUL bytes are named as such, and
 * a UTF-8 byte order mark is dropped. Lone carriage returns (old Mac line ends, valid YAML line
 * breaks) become line feeds, so line numbers stay right.
 */
export function decodeText(
  bytes: Uint8Array,
  shown: string,
  problems: DataProblem[],
): string | undefined {
  const order = utf16Order(bytes);
  if (order) {
    problems.push({
      file: shown,
      line: 1,
      col: 1,
      path: '',
      message: `the file is UTF-16 (${order}) text, not UTF-8; save it as UTF-8`,
    });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = position(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    problems.push({
      file: shown,
      ...at,
      path: '',
      message: 'the file is not valid UTF-8 text (save it as UTF-8)',
    });
    return undefined;
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    problems.push({
      file: shown,
      ...position(text, nul),
      path: '',
      message: 'the file holds a NUL byte: it is binary, not YAML text',
    });
    return undefined;
  }
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Reads a data file as text: it must be a regular file (not a directory, device or pipe, which
 * could block forever) of at most MAX_DATA_FILE_BYTES, in UTF-8. Otherwise adds a problem and returns
 * undefined.
 */
export function readDataText(
  file: string,
  shown: string,
  problems: DataProblem[],
): string | undefined {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      problems.push({ file: shown, path: '', message: 'is a directory, not a YAML file' });
      return undefined;
    }
    if (!stat.isFile()) {
      problems.push({ file: shown, path: '', message: 'is not a regular file' });
      return undefined;
    }
    if (stat.size > MAX_DATA_FILE_BYTES) {
      problems.push({
        file: shown,
        path: '',
        message: `file is ${stat.size} bytes; the limit is ${MAX_DATA_FILE_BYTES} (4 MiB)`,
      });
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (err) {
    problems.push({ file: shown, path: '', message: readFailure(err) });
    return undefined;
  }
  if (bytes.length > MAX_DATA_FILE_BYTES) {
    problems.push({
      file: shown,
      path: '',
      message: `file is over ${MAX_DATA_FILE_BYTES} bytes (4 MiB)`,
    });
    return undefined;
  }
  return decodeText(bytes, shown, problems);
}

/**
 * A cheap upper bound on nesting, checked before parsing so an absurdly deep file cannot make the
 * parser spend seconds and hundreds of megabytes: flow brackets open on the way, plus each
 * line's indentation and leading `- ` / `? ` indicators. Returns the offset where the bound
 * passes 10 × MAX_DEPTH, if it does.
 */
function tooDeepAt(text: string): number | undefined {
  const limit = MAX_DEPTH * 10;
  let flow = 0;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) block++;
      else if (
        (c === 45 || c === 63) &&
        (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)
      )
        block++;
      else lineStart = false;
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    if (flow + block > limit) return i;
  }
  return undefined;
}

/**
 * Most lines plus commas (an upper bound on the entries of its lists and maps) a YAML file may
 * have: real role files have about 1,000, but the built-in catalog exported as one YAML file
 * (`export --format yaml`, which --data must read back) has about 45,000; 80,000 aliases took
 * the parser seconds to read.
 */
export const MAX_ITEMS = 100_000;

/** The offset where the count of line feeds and commas passes MAX_ITEMS, if it does. */
function tooManyItemsAt(text: string): number | undefined {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    if (++n > MAX_ITEMS) return i;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1))
    if (++n > MAX_ITEMS) return i;
  return undefined;
}

/** Words for a parser error; the parser's own words for a stack overflow are obscure. */
function parserMessage(code: string, message: string): string {
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = (message.match(/tag: (\S+)/)?.[1] ?? '').replace(/^tag:yaml\.org,2002:/, '!!');
    return `unknown tag ${tag}: only plain YAML types are allowed in data files`;
  }
  if (code === 'RESOURCE_EXHAUSTION')
    return `the document is nested too deeply (more than ${MAX_DEPTH} levels)`;
  return firstLine(message);
}

/**
 * Adds a document's syntax errors and warnings (e.g. an unknown tag) to `problems`, then checks
 * its tree: nesting depth, tags, keys. True when the document has no problem.
 */
function syntaxOk(
  shown: string,
  doc: Document.Parsed,
  lines: LineCounter,
  problems: DataProblem[],
): boolean {
  const before = problems.length;
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lines.linePos(e.pos[0]);
    problems.push({
      file: shown,
      line: pos.line,
      col: pos.col,
      path: '',
      message: parserMessage(e.code, e.message),
    });
  }
  if (problems.length === before) checkTree({ file: shown, doc, lines }, problems);
  return problems.length === before;
}

/**
 * Walks a parsed document and reports what a data file must not hold: nesting deeper than
 * MAX_DEPTH, tags other than the YAML core types (yaml never runs code for a tag, but an unknown
 * tag means the file is not what it seems), keys that are not plain scalars, and keys such as
 * `__proto__` that could reach an object prototype.
 */
function checkTree(pf: ParsedFile, problems: DataProblem[]): void {
  const at = (node: { range?: unknown } | null | undefined) => {
    const range = node?.range as [number, number, number] | undefined | null;
    if (!range) return {};
    const pos = pf.lines.linePos(range[0]);
    return { line: pos.line, col: pos.col };
  };
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (!node || yaml().isAlias(node)) return true; // aliases point at nodes walked already
    if (yaml().isScalar(node) || yaml().isCollection(node)) {
      if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        problems.push({
          file: pf.file,
          ...at(node),
          path,
          message: `the tag ${tag} is not allowed in data files`,
        });
      }
    }
    if (!yaml().isCollection(node)) return true;
    if (depth > MAX_DEPTH) {
      problems.push({
        file: pf.file,
        ...at(node),
        path,
        message: `the document is nested too deeply (more than ${MAX_DEPTH} levels)`,
      });
      return false;
    }
    for (const [i, item] of node.items.entries()) {
      if (yaml().isPair(item)) {
        const key = item.key;
        if (key !== null && !yaml().isScalar(key)) {
          problems.push({
            file: pf.file,
            ...at(key as Node),
            path,
            message: 'a key must be plain text, not a list or map',
          });
          continue;
        }
        const name = yaml().isScalar(key) ? String(key.value) : '';
        const sub = path ? `${path}.${name}` : name;
        if (RESERVED_KEYS.has(name)) {
          problems.push({
            file: pf.file,
            ...at(key),
            path: sub,
            message: `the key "${name}" is not allowed`,
          });
          continue;
        }
        if (yaml().isScalar(key)) walk(key, sub, depth + 1);
        if (!walk(item.value, sub, depth + 1)) return false;
      } else if (!walk(item, path ? `${path}.${i}` : String(i), depth + 1)) return false;
    }
    return true;
  };
  walk(pf.doc.contents, '', 1);
}

/** Parses text as YAML documents with every safety check; problems are added, bad documents left out. */
export function parseText(
  text: string,
  shown: string,
  problems: DataProblem[],
  multi: boolean,
): ParsedFile[] {
  const lines = new (yaml().LineCounter)();
  const crowded = tooManyItemsAt(text);
  if (crowded !== undefined) {
    problems.push({
      file: shown,
      ...position(text, crowded),
      path: '',
      message: `the file is too long: more than ${MAX_ITEMS} lines and commas (the limit for a data file)`,
    });
    return [];
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    problems.push({
      file: shown,
      ...position(text, deep),
      path: '',
      message: `the document is nested too deeply (more than ${MAX_DEPTH} levels)`,
    });
    return [];
  }
  let docs: Document.Parsed[];
  try {
    docs = multi
      ? (yaml().parseAllDocuments(text, parseOptions(lines)) as Document.Parsed[])
      : [yaml().parseDocument(text, parseOptions(lines))];
  } catch (err) {
    // The parser reports stack exhaustion itself; this is the last line of defence.
    const message =
      err instanceof RangeError
        ? `the document is nested too deeply (more than ${MAX_DEPTH} levels)`
        : firstLine(String(err));
    problems.push({ file: shown, path: '', message });
    return [];
  }
  if (docs.length === 0) {
    problems.push({ file: shown, path: '', message: 'the file holds no YAML document' });
    return [];
  }
  const nonEmpty =
    docs.length === 1
      ? docs
      : docs.filter(
          (d) => d.contents !== null && !(yaml().isScalar(d.contents) && d.contents.value === null),
        );
  return nonEmpty
    .filter((doc) => syntaxOk(shown, doc, lines, problems))
    .map((doc) => ({ file: shown, doc, lines }));
}

/** Parses YAML text (e.g. a quiz answers file) with every check a data file gets. */
export function parseYamlText(
  text: string,
  shown: string,
  problems: DataProblem[],
): ParsedFile | undefined {
  return parseText(text, shown, problems, false)[0];
}

/** Reads and parses one YAML file; syntax problems are added to `problems`. */
export function readYaml(file: string, problems: DataProblem[]): ParsedFile | undefined {
  const shown = displayPath(file);
  const text = readDataText(file, shown, problems);
  if (text === undefined) return undefined;
  return parseYamlText(text, shown, problems);
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
  const text = readDataText(file, shown, problems);
  if (text === undefined) return [];
  return parseText(text, shown, problems, true);
}

/**
 * What only the `yaml` parser reads as this project's rules want: a directive (`%YAML 1.1`
 * changes how scalars resolve) or a tag (`!!float`, `!custom`; `yaml` checks them, js-yaml
 * resolves some). A file matching this takes the slow path. Prose such as "done!" does not
 * match: a tag starts a token.
 */
const FULL_PARSER_ONLY = /^%|(?:^|[\s,[{])!/m;

/**
 * The documents of a YAML stream as plain data, read with js-yaml when it can vouch for them:
 * no tag or directive, no alias (anchors alone are harmless), nesting within MAX_DEPTH, no
 * reserved key. Undefined when it cannot (the caller then parses with `yaml`); empty
 * documents in a stream (a trailing `---`) are dropped as the slow path drops them.
 */
export function fastDocuments(text: string): unknown[] | undefined {
  if (FULL_PARSER_ONLY.test(text)) return undefined;
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: MAX_DEPTH });
  } catch {
    return undefined;
  }
  const kept = docs.length === 1 ? docs : docs.filter((d) => d !== null && d !== undefined);
  if (kept.length === 0 || !kept.every((d) => plainData(d, 0))) return undefined;
  return kept;
}

/** True when a value is plain data with no reserved key, nested at most MAX_DEPTH deep. */
function plainData(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => plainData(v, depth + 1));
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return false;
    if (!plainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Finds the node at a path, or the nearest ancestor that exists, and returns its position. */
export function locate(
  pf: ParsedFile,
  path: readonly PropertyKey[],
  key?: string,
): { line?: number; col?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node =
      depth === 0
        ? pf.doc.contents
        : (pf.doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if (!node || typeof node !== 'object') continue;
    let target: Node | undefined = node as Node;
    if (key !== undefined && depth === path.length && yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isScalar(p.key) && p.key.value === key);
      if (pair && yaml().isScalar(pair.key)) target = pair.key;
    }
    const offset = target?.range?.[0];
    if (offset !== undefined) {
      const pos = pf.lines.linePos(offset);
      return { line: pos.line, col: pos.col };
    }
  }
  return {};
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Converts a parsed document to plain data, with alias expansion capped. */
export function toData(
  pf: ParsedFile,
  problems: DataProblem[],
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: pf.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    const message = /alias count/i.test(String(err))
      ? `aliases expand too far (more than ${MAX_ALIAS_COUNT} copies): refused as a "billion laughs" attack`
      : firstLine((err as Error).message);
    problems.push({ file: pf.file, ...locate(pf, []), path: '', message });
    return { ok: false };
  }
}

/** Validates data against a schema, turning every zod issue into a located problem. */
export function validate<T>(
  pf: ParsedFile,
  value: unknown,
  schema: ZodType<T>,
  problems: DataProblem[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file: pf.file,
          ...locate(pf, issue.path, key),
          path: pathText([...issue.path, key]),
          message: 'unknown field',
        });
      }
    } else {
      problems.push({
        file: pf.file,
        ...locate(pf, issue.path),
        path: pathText(issue.path),
        message: issue.message,
      });
    }
  }
  return undefined;
}

/**
 * Reads, parses and validates one YAML file against a schema: the value and the parsed file
 * (to locate later problems in it), or undefined with every problem added to `problems`.
 */
export function readValidated<T>(
  file: string,
  schema: ZodType<T>,
  problems: DataProblem[],
): { pf: ParsedFile; value: T } | undefined {
  const pf = readYaml(file, problems);
  const data = pf && toData(pf, problems);
  const value = pf && data?.ok ? validate(pf, data.value, schema, problems) : undefined;
  return pf && value !== undefined ? { pf, value } : undefined;
}
