/**
 * Shared test helpers: run the built binary like a user, and make throwaway data directories.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { DataError } from '../src/errors.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'careers.cjs');
export const FIXTURES = join(ROOT, '__tests__', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A cache directory of this test process, so tests never touch the user's ~/.cache. */
const TEST_CACHE = mkdtempSync(join(tmpdir(), 'careers-cache-'));

/** Spawns the built `careers` binary with no TTY, as CI and scripts do. */
export function run(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): RunResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    CAREERS_DATA_DIR: undefined,
    XDG_CACHE_HOME: TEST_CACHE,
    ...opts.env,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    cwd: opts.cwd ?? ROOT,
    timeout: 30_000,
    // Whole-catalog JSON (list --json, export) is a few MB; the 1 MB default would cut it off.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A minimal valid role profile as YAML; `extra` lines are appended at top level. */
export function roleYaml(id: string, title: string, extra = ''): string {
  return `id: ${id}
title: ${title}
socCodes: ["43-9021.00"]
summary: A test role.
aliases: [${title} Clerk]
skills:
  - { name: Typing, importance: 3.5, source: test }
software:
  - { name: Microsoft Excel, category: Spreadsheet software, hot: true, source: test }
salary:
  - { source: test, period: May 2024, label: Test wages, median: 40000, p10: 30000, p90: 50000 }
sources:
  - { id: test, title: Test source, period: May 2024 }
${extra}`;
}

/** Writes files (relative path -> content) into a new temporary directory and returns it. */
export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'careers-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** True when text contains an ANSI escape sequence. */
export function hasAnsi(text: string): boolean {
  return text.includes('\u001b');
}

const validators = new Map<string, ValidateFunction>();

/** Checks data against the shipped schema/<name>.schema.json; returns ajv's errors (none = valid). */
export function schemaErrors(name: string, data: unknown): string[] {
  let validate = validators.get(name);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    validate = ajv.compile(schema);
    validators.set(name, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The details of the DataError `load` throws; any other outcome fails the test. */
export function dataErrorDetails(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof DataError) return err.details;
    throw err;
  }
  throw new Error('expected a DataError');
}
