/**
 * What every command gets: parsed global options, output streams, and the data of this run.
 *
 * Data is loaded once per run, before the command's action (a commander preAction hook calls
 * DataStore.load). The built-in data comes precompiled (data/compiled.ts); only a user's data
 * directory pulls in the YAML parser and the schema checks, and only then are they imported.
 */
import type { Command } from 'commander';
import type { Step } from '../data/paths.js';
import type { Synonyms } from '../data/synonyms.js';
import { BUILT_IN_DATA_DIR, resolveDataDir } from '../data/dirs.js';
import { readCompiled } from '../data/compiled.js';
import { readCache, writeCache } from '../data/cache.js';
import { makeCatalog, type Catalog } from '../core/catalog.js';
import { buildIndex, type SearchIndex } from '../core/search.js';
import { colorEnabled, makeTheme } from '../render/theme.js';
import type { RenderContext } from '../render/role.js';
import { renderJson } from '../render/json.js';
import { ASCII, UNICODE, asciiOnly } from '../render/charts.js';

/** Where output goes; replaced in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns: number | undefined;
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
}

/** From how many role files a first, uncached load says on stderr that it is working. */
const SLOW_LOAD_FILES = 500;

function safeCount(f: () => number): number {
  try {
    return f();
  } catch {
    return 0;
  }
}

/** The data of one run: loaded once, shared by every Context. */
export class DataStore {
  private data?: LoadedData;
  private index?: SearchIndex;

  /**
   * Loads the data directory: the compiled built-in data, or a user directory's cached copy,
   * when fresh; else the YAML (then caches a user directory for next time).
   */
  async load(dir: string, env: NodeJS.ProcessEnv, note: (text: string) => void): Promise<void> {
    if (this.data?.dir === dir) return;
    const builtIn = dir === BUILT_IN_DATA_DIR;
    const ready = builtIn ? readCompiled(dir) : readCache(env, dir);
    if (ready) {
      // The build checks that the compiled built-in data holds no control characters.
      const catalog = makeCatalog(ready.roles, ready.metros, dir, builtIn);
      this.data = { dir, catalog, synonyms: ready.synonyms, steps: ready.steps };
      return;
    }
    const [{ loadCatalog, roleFiles }, { loadSynonyms }, { loadPaths }] = await Promise.all([
      import('../data/loader.js'),
      import('../data/synonyms.js'),
      import('../data/paths.js'),
    ]);
    const count = dir === BUILT_IN_DATA_DIR ? 0 : safeCount(() => roleFiles(dir).length);
    if (count >= SLOW_LOAD_FILES)
      note(`careers: reading ${count} role files in ${dir}; later runs use a cache…`);
    const catalog = loadCatalog(dir);
    this.data = { dir, catalog, synonyms: loadSynonyms(dir), steps: loadPaths(dir, catalog) };
    if (dir !== BUILT_IN_DATA_DIR) {
      writeCache(env, dir, {
        roles: catalog.roles,
        metros: catalog.metros,
        synonyms: this.data.synonyms,
        steps: this.data.steps,
      });
    }
  }

  get loaded(): LoadedData {
    if (!this.data) throw new Error('data used before DataStore.load');
    return this.data;
  }

  /** The search index, built on first use. */
  searchIndex(): SearchIndex {
    this.index ??= buildIndex(this.loaded.catalog, this.loaded.synonyms);
    return this.index;
  }
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
    const width = Math.max(60, Math.min(this.io.columns ?? 100, 160));
    const glyphs = asciiOnly(this.options.ascii, this.io.env) ? ASCII : UNICODE;
    return { theme: makeTheme(color), width, glyphs };
  }

  catalog(): Catalog {
    return this.store.loaded.catalog;
  }

  index(): SearchIndex {
    return this.store.searchIndex();
  }

  /** Career steps between the catalog's roles (data/paths.yaml). */
  steps(): Step[] {
    return this.store.loaded.steps;
  }

  /** The data directory this run reads. */
  get dataDir(): string {
    return resolveDataDir(this.options.data, this.io.env);
  }

  /** Prints a rendered result, or its JSON document in --json mode. */
  print(text: () => string, json: () => Record<string, unknown>): void {
    this.io.stdout(this.json ? renderJson(json()) : text());
  }

  /** A hint or warning: always stderr, so stdout stays pure data. */
  note(text: string): void {
    this.io.stderr(text.endsWith('\n') ? text : `${text}\n`);
  }
}
