/**
 * The data of one run and the policy that loads it: pack, cache entry or YAML.
 *
 * Data is loaded once per run, before the command's action (a commander preAction hook calls
 * DataStore.load). The built-in data comes precompiled as a pack with its search index
 * (store/compiled.ts), and a user's data directory from its cache entry, also a pack
 * (store/cache.ts): both read roles only as they are used. Only an uncached directory pulls in
 * the YAML parser and the schema checks, and only then are they imported.
 */
import type { Step, Top } from '../data/career-steps.js';
import type { Synonyms } from '../data/synonyms.js';
import type { Quiz } from '../model/quiz-schema.js';
import { BUILT_IN_DATA_DIR } from '../data/dirs.js';
import { readCompiled } from './compiled.js';
import { codeKey, fileSignatures, keyOf, readCache, writeCache } from './cache.js';
import type { Pack } from './pack.js';
import { progress, type ProgressOut } from './progress.js';
import type { Role } from '../model/schema.js';
import type { Catalog } from '../model/catalog.js';
import { buildIndex, type IndexOptions, type SearchIndex } from '../core/search/index.js';
import { checkpoint } from '../io/interrupt.js';
import { ParsePool, poolSize } from './parse-pool.js';
import type { PreparedRole } from './parse-worker.js';
import { listsOf, wordIndexOf, WordIndexBuilder } from '../core/word-index.js';
import { mergeWordIndex, type WordLists } from '../core/word-merge.js';
import { encodedCatalog, RoleEncoder } from './encoded.js';
import { clean } from '../text.js';

export interface LoadedData {
  dir: string;
  catalog: Catalog;
  synonyms: Synonyms;
  steps: Step[];
  /** Roles stated as the top of their ladder (paths.yaml `tops`). */
  tops: Top[];
  /** The quiz compiled with the built-in data, read when asked for (see Context.compiledQuiz). */
  quiz?: () => Quiz | undefined;
}

/** The signatures of a directory's files, or undefined when they cannot be read (the load then reports why). */
function safeSignatures(dir: string): Map<string, string> | undefined {
  try {
    return fileSignatures(dir);
  } catch {
    return undefined;
  }
}

/** What a load can take from an older cache entry of the same directory and code. */
interface Reuse {
  /**
   * The roles of each unchanged file, by absolute path, read from the entry when the load gets
   * to the file (undefined if the entry turns out damaged: the file is then read again).
   */
  roles: Map<string, () => Role[] | undefined>;
  /** The entry's role number and JSON bytes of each role handed out so far, in order. */
  taken: Array<[number, Uint8Array]>;
  /** How many roles the entry holds. */
  count: number;
  /** The entry's word lists: a load merges them with those of the roles it reads again. */
  lists: WordLists;
}

/**
 * What an older entry offers: the roles of every file whose signature is unchanged, and its word
 * lists. Nothing when the entry was made by other code (a build or pack format that may
 * validate or index differently), records no files, has no file unchanged, or is damaged.
 */
function reusable(entry: Pack, dir: string, sigs: ReadonlyMap<string, string>): Reuse | undefined {
  if (entry.code !== codeKey()) return undefined;
  try {
    const files = entry.files();
    if (!files) return undefined;
    const roles = new Map<string, () => Role[] | undefined>();
    const taken: Reuse['taken'] = [];
    let at = 0;
    for (const f of files) {
      const [from, count] = [at, f.roles];
      if (sigs.get(f.file) === f.sig) {
        roles.set(f.file, () => {
          const before = taken.length;
          try {
            return Array.from({ length: count }, (_, i) => {
              const { role, bytes } = entry.readRole(from + i);
              taken.push([from + i, bytes]);
              return role;
            });
          } catch {
            taken.length = before;
            return undefined;
          }
        });
      }
      at += f.roles;
    }
    if (at !== entry.catalog(dir).size || roles.size === 0) return undefined;
    return { roles, taken, count: at, lists: entry.wordLists() };
  } catch {
    return undefined;
  }
}

/** DEBUG=careers: say how a load went. */
function debugging(env: NodeJS.ProcessEnv): boolean {
  return (env.DEBUG ?? '').split(',').includes('careers');
}

/** The data of one run: loaded once, shared by every Context. */
export class DataStore {
  private data?: LoadedData;
  private index?: SearchIndex;
  /** Search tables that came with the data (a pack), or were built to cache it. */
  private tables: IndexOptions = {};

  /**
   * Loads the data directory: the compiled built-in data, or a user directory's cache entry,
   * when fresh; else the YAML, taking unchanged files' roles from an older cache entry (then
   * caches a user directory for next time). Progress of a slow load goes to `out`.
   */
  async load(dir: string, env: NodeJS.ProcessEnv, out: ProgressOut): Promise<void> {
    if (this.data?.dir === dir) return;
    const builtIn = dir === BUILT_IN_DATA_DIR;
    this.index = undefined;
    const compiled = builtIn ? readCompiled(dir) : undefined;
    if (compiled) return this.usePack(dir, compiled, true);
    const sigs = builtIn || env.CAREERS_NO_CACHE ? undefined : safeSignatures(dir);
    const key = sigs && keyOf(sigs);
    const warn = (text: string) => out.write(`${clean(text)}\n`);
    const entry = key ? readCache(env, dir, undefined, warn) : undefined;
    if (entry && entry.key === key) return this.usePack(dir, entry, false);
    const reuse = entry && sigs ? reusable(entry, dir, sigs) : undefined;

    const [{ loadDirectoryAsync, parseCounts }, { loadSynonyms }, { loadCareerPaths }] =
      await Promise.all([
        import('../data/roles.js'),
        import('../data/synonyms.js'),
        import('../data/career-steps.js'),
      ]);
    // The built-in metros and synonyms, as the build validated them, for a directory that has
    // none of its own: its YAML need not be parsed (nor the yaml package loaded) again.
    const shared = builtIn ? undefined : readCompiled(BUILT_IN_DATA_DIR);
    const shown = progress(out, dir, !entry);
    const words = new WordIndexBuilder();
    try {
      shown.step('reading role files');
      // Each role is kept as bytes once validated (store/encoded.ts), its words already read
      // into the index: a big directory never holds all its role objects at once. A role reused
      // from the older entry keeps its bytes and its words' lists there (merged below).
      const encoder = new RoleEncoder();
      const oldRole = new Int32Array(reuse?.count ?? 0).fill(-1);
      const addedRole: number[] = [];
      let taken = 0;
      // A first load takes seconds: it pauses now and then (checkpoint), so Ctrl-C stops it.
      const { metros, files } = await loadDirectoryAsync(dir, checkpoint, {
        onFile: (done, total) => shown.files(done, total),
        reuse: reuse?.roles,
        builtInMetros: shared?.metros,
        // Many files to parse: worker threads read them ahead (store/parse-pool.ts).
        readAhead: (files, order) => {
          const workers = poolSize(order.length, env);
          return workers > 0 ? new ParsePool(files, order, workers) : undefined;
        },
        sink: (role, reused, ready) => {
          const prepared = ready as PreparedRole | undefined;
          const [old, bytes] = (reused && reuse?.taken[taken++]) || [-1, prepared?.bytes];
          if (old >= 0) oldRole[old] = encoder.size;
          else {
            addedRole.push(encoder.size);
            words.add(role, prepared?.words);
          }
          encoder.add(role, bytes);
        },
      });
      const roles = encoder.done();
      const catalog = encodedCatalog(roles, metros, dir);
      const { steps, tops } = loadCareerPaths(dir, catalog);
      this.data = {
        dir,
        catalog,
        synonyms: loadSynonyms(dir, shared?.synonyms),
        steps,
        tops,
      };
      shown.step('building the search index');
      await checkpoint();
      const build = words.finish(!reuse);
      let step = build.next();
      for (; !step.done; step = build.next()) await checkpoint();
      const tables = reuse
        ? mergeWordIndex(
            reuse.lists,
            oldRole,
            step.value,
            Uint32Array.from(addedRole),
            roles.bytes.length,
          )
        : step.value;
      this.tables = { tables: wordIndexOf(tables), names: listsOf(roles.names) };
      this.addLanguage(dir);
      if (key && sigs) {
        await checkpoint();
        shown.step('writing the cache');
        writeCache(
          env,
          dir,
          {
            key,
            code: codeKey(),
            files: files.map(({ file, roles }) => ({ file, sig: sigs.get(file) ?? '', roles })),
            roles,
            metros,
            synonyms: this.data.synonyms,
            steps: this.data.steps,
            tops: this.data.tops,
            words: tables,
            // Typo look-alikes are found when a query asks (see PackContents.typos).
            typos: false,
          },
          warn,
        );
      }
    } finally {
      shown.end();
      if (debugging(env)) {
        const { fast, slow, reused, ahead } = parseCounts();
        out.write(
          `careers: role files parsed: ${fast + slow} (${slow} by yaml, ${ahead} in worker threads), reused: ${reused}, roles indexed: ${words.roles}\n`,
        );
      }
    }
  }

  /** Takes the data from a pack: the compiled built-in data or a fresh cache entry. */
  private usePack(dir: string, pack: Pack, builtIn: boolean): void {
    // The build checks that the compiled built-in data holds no control characters.
    this.data = {
      dir,
      catalog: pack.catalog(dir, builtIn),
      synonyms: pack.synonyms,
      steps: pack.steps,
      tops: pack.tops,
      quiz: pack.quiz,
    };
    this.tables = {
      tables: pack.words,
      names: pack.names,
      ...(builtIn ? { bridge: () => pack.bridge, occupations: () => pack.outside() ?? [] } : {}),
    };
    if (!builtIn) this.addLanguage(dir);
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
