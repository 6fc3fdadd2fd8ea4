/**
 * The data of one run and the policy that loads it: pack, cache entry or YAML.
 *
 * Data is loaded once per run, before the command's action (a commander preAction hook calls
 * DataStore.load). The built-in data comes precompiled as a pack with its search index
 * (store/compiled.ts), and a user's data directory from its cache entry, also a pack
 * (store/cache.ts): both read roles only as they are used. Only an uncached directory pulls in
 * the YAML parser and the schema checks, and only then are they imported.
 */
import type { Step } from '../data/career-steps.js';
import type { Synonyms } from '../data/synonyms.js';
import type { Quiz } from '../model/quiz-schema.js';
import { BUILT_IN_DATA_DIR } from '../data/dirs.js';
import { readCompiled } from './compiled.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import type { Catalog } from '../model/catalog.js';
import type { Pack } from './pack.js';
import { buildIndex, type IndexOptions, type SearchIndex } from '../core/search/index.js';
import { typoLists } from '../core/search/typos.js';
import { checkpoint } from '../io/interrupt.js';
import { buildWordIndexSteps, wordIndexOf } from '../core/word-index.js';
import { clean } from '../text.js';

export interface LoadedData {
  dir: string;
  catalog: Catalog;
  synonyms: Synonyms;
  steps: Step[];
  /** The quiz compiled with the built-in data, read when asked for (see Context.compiledQuiz). */
  quiz?: () => Quiz | undefined;
}

/** Words whose typo look-alikes are found between two pauses of a first load. */
const TYPO_BATCH = 256;

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
    const warn = (text: string) => note(clean(text));
    const pack = builtIn ? readCompiled(dir) : key ? readCache(env, dir, key, warn) : undefined;
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
      this.tables = {
        tables: pack.words,
        names: pack.names,
        ...(builtIn ? { bridge: () => pack.bridge, occupations: () => pack.outside() ?? [] } : {}),
      };
      if (!builtIn) this.addLanguage(dir);
      return;
    }
    const [{ loadCatalogAsync }, { loadSynonyms }, { loadPaths }] = await Promise.all([
      import('../data/roles.js'),
      import('../data/synonyms.js'),
      import('../data/career-steps.js'),
    ]);
    const say = progress(note, dir);
    // A first load takes seconds: it pauses now and then (checkpoint), so Ctrl-C stops it.
    const catalog = await loadCatalogAsync(dir, checkpoint, (done, total) =>
      say('reading role files', `${done} of ${total}`),
    );
    this.data = { dir, catalog, synonyms: loadSynonyms(dir), steps: loadPaths(dir, catalog) };
    this.tables = {};
    if (key) {
      say('building the search index');
      await checkpoint();
      const build = buildWordIndexSteps(catalog.roles);
      let step = build.next();
      for (; !step.done; step = build.next()) await checkpoint();
      const words = step.value;
      const tables = wordIndexOf(words);
      this.tables = { tables };
      this.addLanguage(dir);
      await checkpoint();
      say('writing the cache');
      const typos: number[][] = [];
      for (let at = 0; at < tables.words.length; at += TYPO_BATCH) {
        for (const list of typoLists(tables, at, at + TYPO_BATCH)) typos.push(list);
        await checkpoint();
      }
      writeCache(
        env,
        dir,
        {
          key,
          roles: catalog.roles,
          metros: catalog.metros,
          synonyms: this.data.synonyms,
          steps: this.data.steps,
          words,
          typos,
        },
        warn,
      );
    } else this.addLanguage(dir);
  }

  /**
   * Data other than the built-in pack gets its WordNet bridge and outside occupations from the
   * built-in pack, when first used: the bridge names English words, not roles, and the outside
   * occupations are those the built-in catalogue lacks (taken as they are, so that no run reads
   * every role of a big directory to learn its codes; a directory's own roles still match by
   * their names first).
   */
  private addLanguage(dir: string): void {
    let builtIn: Pack | undefined | null = null;
    const pack = () => (builtIn === null ? (builtIn = readCompiled(BUILT_IN_DATA_DIR)) : builtIn);
    this.tables.bridge = () => (dir === BUILT_IN_DATA_DIR ? undefined : pack()?.bridge);
    this.tables.occupations = () => pack()?.outside() ?? [];
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
