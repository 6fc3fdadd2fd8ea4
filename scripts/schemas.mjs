/**
 * Writes schema/*.schema.json from the output schemas in src/core/output.ts (built into dist/),
 * so the published JSON Schemas come from the same zod schemas the code and the loader use.
 *
 *   node scripts/schemas.mjs          write the files (npm run schemas)
 *   node scripts/schemas.mjs --check  write nothing; fail if a committed file is missing,
 *                                     differs or is stale (part of npm run build)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { schemaFiles } from '../dist/core/output.js';

const dir = new URL('../schema/', import.meta.url);
const check = process.argv.includes('--check');

const wanted = schemaFiles();
const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json')) : [];
const stale = present.filter((f) => !wanted.some((w) => w.file === f));
const changed = wanted.filter((w) => {
  const file = new URL(w.file, dir);
  return !existsSync(file) || readFileSync(file, 'utf8') !== w.text;
});

if (check) {
  if (changed.length > 0 || stale.length > 0) {
    const files = [...changed.map((c) => c.file), ...stale].join(', ');
    console.error(
      `schemas: schema/ does not match src/core/output.ts (${files}).\n` +
        'Run "npm run schemas" and commit the files; if an existing shape changed, bump ' +
        'SCHEMA_VERSION in src/model/json.ts and say so in CHANGELOG.md.',
    );
    process.exit(1);
  }
} else {
  mkdirSync(dir, { recursive: true });
  for (const c of changed) writeFileSync(new URL(c.file, dir), c.text);
  for (const f of stale) rmSync(new URL(f, dir));
  const n = changed.length + stale.length;
  console.log(
    n === 0 ? 'schemas: up to date' : `schemas: wrote ${changed.length}, removed ${stale.length}`,
  );
}
