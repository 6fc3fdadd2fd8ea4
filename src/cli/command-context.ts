/**
 * What every command gets: parsed global options, output streams, and the data of this run
 * (loaded by store/data-store.ts).
 */
import type { Command } from 'commander';
import type { Step } from '../data/career-steps.js';
import type { Quiz } from '../model/quiz-schema.js';
import { resolveDataDir } from '../data/dirs.js';
import type { Catalog } from '../model/catalog.js';
import type { SearchIndex } from '../core/search/index.js';
import type { DataStore } from '../store/data-store.js';
import { colorEnabled, makeTheme } from '../render/theme.js';
import type { RenderContext } from '../render/role.js';
import { renderJson } from '../model/json.js';
import { ASCII, UNICODE, asciiOnly } from '../render/charts.js';
import { clean } from '../text.js';

/** Where output goes; replaced in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns: number | undefined;
  /** Whether stderr is a terminal (progress of a slow load is then a bar), and its width. */
  stderrIsTTY?: boolean;
  stderrColumns?: number;
}

export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  data?: string;
  ascii?: boolean;
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
  get renderContext(): RenderContext {
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

  /** Prints a rendered result, or its JSON document in --json mode. */
  print(text: () => string, json: () => Record<string, unknown>): void {
    this.io.stdout(this.json ? renderJson(json()) : text());
  }

  /** A hint or warning: always stderr, so stdout stays pure data. */
  note(text: string): void {
    this.io.stderr(clean(text.endsWith('\n') ? text : `${text}\n`));
  }
}
