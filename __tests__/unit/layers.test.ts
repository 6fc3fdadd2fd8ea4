/**
 * The import-direction check (eslint.config.js, run by `npm run lint`) really fails: lint the
 * model layer's catalog with one import added that reaches up into core, whose filters import
 * the catalog back, and both rules must fire: an upward import and a loop.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function lint(file: string, text: string): LintMessage[] {
  const eslint = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(
    process.execPath,
    [eslint, '--format', 'json', '--stdin', '--stdin-filename', file],
    { cwd: ROOT, input: text, encoding: 'utf8', timeout: 60_000 },
  );
  const [result] = JSON.parse(r.stdout) as { messages: LintMessage[] }[];
  return result?.messages ?? [];
}

test('an upward import that closes a loop fails the lint', () => {
  const file = join(ROOT, 'src', 'model', 'catalog.ts');
  const text = readFileSync(file, 'utf8');
  const bad = `import { filterRoles } from '../core/filters.js';\nvoid filterRoles;\n${text}`;
  const rules = lint(file, bad).map((m) => m.ruleId);
  expect(rules).toEqual(
    expect.arrayContaining(['import-x/no-restricted-paths', 'import-x/no-cycle']),
  );
}, 120_000);
