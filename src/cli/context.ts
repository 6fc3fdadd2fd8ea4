/**
 * What every command gets: parsed global options, output streams, and the catalog and search
 * index, loaded lazily and at most once per run.
 */
import type { Command } from 'commander';
import { loadCatalog, resolveDataDir } from '../data/loader.js';
import { loadSynonyms } from '../data/synonyms.js';
import { loadPaths, type Step } from '../data/paths.js';
import type { Catalog } from '../core/catalog.js';
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

export class Context {
  private catalogCache?: Catalog;
  private indexCache?: SearchIndex;
  private stepsCache?: Step[];

  constructor(
    readonly io: Io,
    private readonly command: Command,
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
    this.catalogCache ??= loadCatalog(this.dataDir);
    return this.catalogCache;
  }

  index(): SearchIndex {
    this.indexCache ??= buildIndex(this.catalog(), loadSynonyms(this.dataDir));
    return this.indexCache;
  }

  /** Career steps between the catalog's roles (data/paths.yaml). */
  steps(): Step[] {
    this.stepsCache ??= loadPaths(this.dataDir, this.catalog());
    return this.stepsCache;
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
