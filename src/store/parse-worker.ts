/**
 * A worker thread of the parse pool (store/parse-pool.ts): reads the role files it is sent on
 * the fast path (data/roles.ts readRolesFast) and posts back their roles, each with its JSON
 * bytes and its search words made ready for the main thread; or null for a file the main thread
 * must read itself: one with a problem to report (its message and position come from the main
 * thread's usual path) or one the fast path cannot vouch for.
 */
import { parentPort } from 'node:worker_threads';
import type { DataProblem } from '../errors.js';
import type { Role } from '../model/schema.js';
import { readRolesFast } from '../data/roles.js';
import { displayPath, readDataText } from '../data/yaml.js';
import { roleWords, type RoleWords } from '../core/word-index.js';

/** A request: read `file`, the role file at position `i` of the load. */
export interface ParseRequest {
  i: number;
  file: string;
}

/** What the main thread gets with each role read ahead (LoadOptions.sink's `prepared`). */
export interface PreparedRole {
  /** The role's JSON, UTF-8, as a pack stores it. */
  bytes: Uint8Array;
  words: RoleWords;
}

/** The answer: the roles of file `i` with what was prepared for each, or null. */
export interface ParseResult {
  i: number;
  roles: Role[] | null;
  prepared: PreparedRole[];
}

const encoder = new TextEncoder();

function read(file: string): Role[] | null {
  try {
    const problems: DataProblem[] = [];
    const text = readDataText(file, displayPath(file), problems);
    if (text === undefined || problems.length > 0) return null;
    return readRolesFast(text) ?? null;
  } catch {
    return null;
  }
}

parentPort?.on('message', ({ i, file }: ParseRequest) => {
  const roles = read(file);
  const prepared = (roles ?? []).map((role) => ({
    bytes: encoder.encode(JSON.stringify(role)),
    words: roleWords(role),
  }));
  // The bytes move to the main thread instead of being copied.
  parentPort?.postMessage(
    { i, roles, prepared } satisfies ParseResult,
    prepared.map((p) => p.bytes.buffer as ArrayBuffer),
  );
});
