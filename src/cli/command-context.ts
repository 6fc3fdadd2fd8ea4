/**
 * What every command gets: parsed global options, output streams, and the data of this run
 * (loaded by store/data-store.ts).
 */
import type { Command } from 'commander';
import type { Step, Top } from '../data/career-steps.js';
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
import { escapeJson, toAscii } from '../render/ascii.js';

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
  /** ASCII mode, as far as the command line says before it is parsed (for help and errors). */
  ascii?: boolean;
}

export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  data?: string;
  ascii?: boolean;
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
  get renderContext(): RenderContext {
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

  /** Roles stated as the top of their ladder (paths.yaml `tops`). */
  tops(): Top[] {
    return this.store.loaded.tops;
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
