/**
 * What every command gets: parsed global options, output streams, and the data of this run.
 *
 * Data is loaded once per run, before the command's action (a commander preAction hook calls
 * DataStore.load). The built-in data comes precompiled as a pack with its search index
 * (data/compiled.ts), and a user's data directory from its cache entry, also a pack
 * (data/cache.ts): both read roles only as they are used. Only an uncached directory pulls in
 * the YAML parser and the schema checks, and only then are they imported.
 */
import type { Command } from 'commander';
import type { Step } from '../data/paths.js';
import type { Synonyms } from '../data/synonyms.js';
import type { Quiz } from '../data/quiz-schema.js';
import { BUILT_IN_DATA_DIR, resolveDataDir } from '../data/dirs.js';
import { readCompiled } from '../data/compiled.js';
import { cacheKey, readCache, writeCache } from '../data/cache.js';
import type { Catalog } from '../core/catalog.js';
import { buildIndex, type IndexOptions, type SearchIndex } from '../core/search.js';
import { buildWordIndex, wordIndexOf } from '../core/word-index.js';
import { colorEnabled, makeTheme } from '../render/theme.js';
import type { RenderContext } from '../render/role.js';
import { renderJson } from '../render/json.js';
import { clean } from '../render/text.js';
import { ASCII, UNICODE, asciiOnly } from '../render/charts.js';
import { escapeJson, toAscii } from '../render/ascii.js';

/** Where output goes; replaced in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns: number | undefined;
  /** ASCII mode, as far as the command line says before it is parsed (for help and errors). */
  ascii?: boolean;
}

export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  data?: string;
  ascii?: boolean;
}

interface LoadedData {
  dir: string;
  catalog: Catalog;
  synonyms: Synonyms;
  steps: Step[];
  /** The quiz compiled with the built-in data, read when asked for (see Context.compiledQuiz). */
  quiz?: () => Quiz | undefined;
}

/** A first load quiet for this long says on stderr what it is doing... */
const SLOW_LOAD_MS = 1000;
/** ...and then how far it got, at most this often (and each new step). */
const PROGRESS_EVERY_MS = 10_000;

/**
 * Progress of a slow first load of a data directory: nothing in the first second; then what
 * it is doing at each new step, and how far it got every ten seconds. `now` is the clock.
 */
export function progress(
  note: (text: string) => void,
  dir: string,
  now: () => number = Date.now,
): (step: string, detail?: string) => void {
  const start = now();
  let last = 0;
  let lastStep = '';
  return (step, detail) => {
    const time = now();
    if (time - start < SLOW_LOAD_MS) return;
    if (step === lastStep && time - last < PROGRESS_EVERY_MS) return;
    const first = last === 0;
    last = time;
    lastStep = step;
    // The directory name is the user's: cleaned, it cannot drive the terminal.
    const hint = first ? ` (first run on ${clean(dir)}; later runs read a cache)` : '';
    note(`careers: ${step}${detail ? `: ${detail}` : ''}${hint}…`);
  };
}

/** The cache key of a directory, or undefined when it cannot be made (the load then reports why). */
function safeKey(dir: string): string | undefined {
  try {
    return cacheKey(dir);
  } catch {
    return undefined;
  }
}

/** The data of one run: loaded once, shared by every Context. */
export class DataStore {
  private data?: LoadedData;
  private index?: SearchIndex;
  /** Search tables that came with the data (a pack), or were built to cache it. */
  private tables: IndexOptions = {};

  /**
   * Loads the data directory: the compiled built-in data, or a user directory's cache entry,
   * when fresh; else the YAML (then caches a user directory for next time).
   */
  async load(dir: string, env: NodeJS.ProcessEnv, note: (text: string) => void): Promise<void> {
    if (this.data?.dir === dir) return;
    const builtIn = dir === BUILT_IN_DATA_DIR;
    const key = builtIn || env.CAREERS_NO_CACHE ? undefined : safeKey(dir);
    const pack = builtIn ? readCompiled(dir) : key ? readCache(env, dir, key) : undefined;
    this.index = undefined;
    if (pack) {
      // The build checks that the compiled built-in data holds no control characters.
      this.data = {
        dir,
        catalog: pack.catalog(dir, builtIn),
        synonyms: pack.synonyms,
        steps: pack.steps,
        quiz: pack.quiz,
      };
      this.tables = { tables: pack.words, names: pack.names };
      return;
    }
    const [{ loadCatalog }, { loadSynonyms }, { loadPaths }] = await Promise.all([
      import('../data/loader.js'),
      import('../data/synonyms.js'),
      import('../data/paths.js'),
    ]);
    const say = progress(note, dir);
    const catalog = loadCatalog(dir, (done, total) =>
      say('reading role files', `${done} of ${total}`),
    );
    this.data = { dir, catalog, synonyms: loadSynonyms(dir), steps: loadPaths(dir, catalog) };
    this.tables = {};
    if (key) {
      say('building the search index');
      const words = buildWordIndex(catalog.roles);
      this.tables = { tables: wordIndexOf(words) };
      say('writing the cache');
      writeCache(env, dir, {
        key,
        roles: catalog.roles,
        metros: catalog.metros,
        synonyms: this.data.synonyms,
        steps: this.data.steps,
        words,
      });
    }
  }

  get loaded(): LoadedData {
    if (!this.data) throw new Error('data used before DataStore.load');
    return this.data;
  }

  /** The search index: the loaded tables, or built on first use. */
  searchIndex(): SearchIndex {
    this.index ??= buildIndex(this.loaded.catalog, this.loaded.synonyms, this.tables);
    return this.index;
  }
}

/** Narrowest and widest layout, and the width when neither the terminal nor COLUMNS says. */
const MIN_WIDTH = 60;
const MAX_WIDTH = 160;
const DEFAULT_WIDTH = 80;

/**
 * Columns to lay out for: the terminal's width; when stdout is not a terminal, $COLUMNS (as
 * `ls` and git do), else 80. Kept between 60 and 160.
 */
export function terminalWidth(io: Pick<Io, 'columns' | 'env' | 'isTTY'>): number {
  const fromEnv = Number(io.env.COLUMNS);
  const asked =
    (io.isTTY && io.columns) ||
    (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined) ||
    io.columns ||
    DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, Math.min(asked, MAX_WIDTH));
}

export class Context {
  constructor(
    readonly io: Io,
    private readonly command: Command,
    private readonly store: DataStore,
  ) {}

  get options(): GlobalOptions {
    return this.command.optsWithGlobals<GlobalOptions>();
  }

  get json(): boolean {
    return this.options.json === true;
  }

  /** Theme and width for renderers. */
  get render(): RenderContext {
    const color = colorEnabled(this.options.color, this.io.env, this.io.isTTY);
    const width = terminalWidth(this.io);
    const glyphs = this.ascii ? ASCII : UNICODE;
    return { theme: makeTheme(color), width, glyphs };
  }

  catalog(): Catalog {
    return this.store.loaded.catalog;
  }

  index(): SearchIndex {
    return this.store.searchIndex();
  }

  /**
   * The quiz compiled at build time with the built-in data (validated against its roles then),
   * so `quiz` parses no YAML; undefined for other data, whose quiz.yaml is loaded as usual.
   */
  compiledQuiz(): Quiz | undefined {
    return this.store.loaded.quiz?.();
  }

  /** Career steps between the catalog's roles (data/paths.yaml). */
  steps(): Step[] {
    return this.store.loaded.steps;
  }

  /** The data directory this run reads. */
  get dataDir(): string {
    return resolveDataDir(this.options.data, this.io.env);
  }

  /** Plain ASCII output: --ascii, TERM=dumb or a locale that is not UTF-8. */
  get ascii(): boolean {
    return asciiOnly(this.options.ascii, this.io.env);
  }

  /**
   * Prints a rendered result, or its JSON document in --json mode. In ASCII mode the text is
   * made ASCII and the JSON written with \u escapes (the same document).
   */
  print(text: () => string, json: () => Record<string, unknown>): void {
    if (this.json) this.io.stdout(this.ascii ? escapeJson(renderJson(json())) : renderJson(json()));
    else this.io.stdout(this.ascii ? toAscii(text()) : text());
  }

  /** A hint or warning: always stderr, so stdout stays pure data. */
  note(text: string): void {
    const line = clean(text.endsWith('\n') ? text : `${text}\n`);
    this.io.stderr(this.ascii ? toAscii(line) : line);
  }
}
