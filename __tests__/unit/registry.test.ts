/**
 * The command registry is the one list of commands: the README's command table, the shipped
 * JSON Schemas and every command's help agree with it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { helpAfter } from '../../src/cli/command.js';
import { ROOT } from '../helpers.js';

const names = COMMANDS.map((c) => c.name);

test('the README command table lists exactly the registered commands, in order', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('Global options'));
  const listed = [...table.matchAll(/^\| `careers ([a-z-]+)/gm)].map((m) => m[1]);
  expect(listed).toEqual(names);
});

test('every --json document a command names has its shipped schema; "role" is no output, "version" is the global --version\'s', () => {
  const shipped = readdirSync(join(ROOT, 'schema')).map((f) => f.replace(/\.schema\.json$/, ''));
  const claimed = COMMANDS.flatMap((c) => c.jsonSchemas);
  expect(shipped).toEqual(expect.arrayContaining(claimed));
  expect(shipped.filter((s) => !claimed.includes(s))).toEqual(['role', 'version']);
});

test('names are unique and every command has examples of itself', () => {
  expect(new Set(names).size).toBe(names.length);
  for (const c of COMMANDS) {
    expect(c.examples.length).toBeGreaterThan(0);
    expect(helpAfter(c)).toContain('Examples:');
  }
});
