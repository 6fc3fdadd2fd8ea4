/**
 * Role files parsed ahead of a --data load in worker threads (LoadOptions.readAhead): js-yaml
 * and the schema check take most of a first load of a big directory, and each file is checked on
 * its own, so on a machine with more than one core the workers parse the next files while the
 * main thread indexes and encodes the ones before (store/data-store.ts), and make each role's
 * JSON bytes and search words ready for it. The main thread takes each file's roles in order;
 * a file a worker could not vouch for (a problem, or a YAML feature the fast path leaves to the
 * `yaml` package) is read by the main thread as without workers, so every problem is reported
 * the same way, with its file, line and column.
 *
 * Workers read at most WINDOW files ahead of the main thread (a window, so a fast worker never
 * holds a big directory's roles in memory), and a pool that fails for any reason (no worker
 * script, a worker that dies) only hands its files back to the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { ReadAhead, ReadAheadFile } from '../data/roles.js';
import { lazyRequire } from '../io/lazy-require.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ParseRequest, ParseResult } from './parse-worker.js';

/** The worker script, bundled by the build (scripts/bundle.mjs). */
export const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'bundle', 'parse-worker.cjs');
/** Fewer files than this to parse are read on the main thread (a worker takes ~0.1 s to start). */
export const MIN_POOL_FILES = 200;
/** Most workers started. */
const MAX_WORKERS = 4;
/** Files requested ahead of the one the main thread takes next. */
const WINDOW = 16;

/**
 * How many workers a load of `files` files to parse gets: 0 for none (few files, one core, or no
 * worker script); CAREERS_WORKERS=n sets it (0 reads every file on the main thread).
 */
export function poolSize(files: number, env: NodeJS.ProcessEnv): number {
  if (!existsSync(WORKER_SCRIPT)) return 0;
  const forced = env.CAREERS_WORKERS;
  if (forced !== undefined && forced !== '')
    return Math.max(0, Math.min(MAX_WORKERS, Math.floor(Number(forced)) || 0));
  const cores = availableParallelism();
  return files < MIN_POOL_FILES || cores < 2 ? 0 : Math.min(MAX_WORKERS, cores);
}

export class ParsePool implements ReadAhead {
  private readonly workers: WorkerThreads.Worker[] = [];
  private readonly results = new Map<number, ReadAheadFile | null>();
  private readonly waiters = new Map<number, () => void>();
  /** Each file's place in `order`. */
  private readonly positions: Map<number, number>;
  /** Next position of `order` to request, and how many requests were sent. */
  private ahead = 0;
  private broken = false;

  /**
   * `files` are the load's role files, in order; `order` the positions the workers read (the
   * others, e.g. files reused from the cache, are the main thread's).
   */
  constructor(
    private readonly files: readonly string[],
    private readonly order: readonly number[],
    workers: number,
  ) {
    this.positions = new Map(order.map((i, at) => [i, at]));
    // Loaded here, not at start-up: only a big --data load starts workers (~2 ms a run).
    const { Worker } = lazyRequire<typeof WorkerThreads>('node:worker_threads');
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(WORKER_SCRIPT);
      // Never keeps the process alive; an error or exit hands the files back.
      worker.unref();
      worker.on('message', (r: ParseResult) =>
        this.settle(r.i, r.roles ? { roles: r.roles, prepared: r.prepared } : null),
      );
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.workers.push(worker);
    }
    this.topUp(0);
  }

  /** File i, read by a worker; undefined when the main thread is to read it. */
  async take(i: number): Promise<ReadAheadFile | undefined> {
    const at = this.positions.get(i);
    if (at === undefined || this.broken) return undefined;
    this.topUp(at + 1);
    if (!this.results.has(i)) await new Promise<void>((resolve) => this.waiters.set(i, resolve));
    const read = this.results.get(i);
    this.results.delete(i);
    return read ?? undefined;
  }

  /** Stops the workers. */
  close(): void {
    this.broken = true;
    for (const w of this.workers) void w.terminate();
    for (const resolve of this.waiters.values()) resolve();
    this.waiters.clear();
  }

  /** Requests files up to WINDOW positions of `order` past `from`. */
  private topUp(from: number): void {
    const until = Math.min(this.order.length, from + WINDOW);
    for (; this.ahead < until; this.ahead++) {
      const i = this.order[this.ahead] as number;
      const worker = this.workers[this.ahead % this.workers.length] as WorkerThreads.Worker;
      worker.postMessage({ i, file: this.files[i] as string } satisfies ParseRequest);
    }
  }

  private settle(i: number, read: ReadAheadFile | null): void {
    if (this.broken) return;
    this.results.set(i, read);
    this.waiters.get(i)?.();
    this.waiters.delete(i);
  }

  /** A worker failed: every file not yet read goes back to the main thread. */
  private fail(): void {
    if (this.broken) return;
    this.close();
  }
}
