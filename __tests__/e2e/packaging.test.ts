/**
 * Packaging: what `npm pack` ships, and the shell completion script.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, tempDir } from '../helpers.js';

describe('npm pack', () => {
  test('ships only what runs: dist, bin, data, schema and the docs', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    const tops = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(tops).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin',
      'data',
      'dist',
      'package.json',
      'schema',
    ]);
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/'))).toEqual([
      'dist/data.pack',
    ]);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/careers.js',
        'dist/bundle/main.js',
        'dist/data.pack',
        'data/roles/payroll-clerk.yaml',
        'schema/show.schema.json',
      ]),
    );
  });
});

describe('careers completion', () => {
  test('bash completes commands, flags and role ids', () => {
    const script = run(['completion', 'bash']);
    expect(script.code).toBe(0);
    const file = join(tempDir({}), 'careers.bash');
    writeFileSync(file, script.stdout);
    const complete = (...words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `source ${file}; COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _careers; echo "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      ).stdout.trim();
    expect(complete('careers', 'sim')).toBe('similar');
    expect(complete('careers', 'show', 'payr')).toBe('payroll-clerk');
    expect(complete('careers', 'list', '--min')).toBe('--min-salary');
  });

  test('zsh and fish scripts name every command; an unknown shell is a usage error', () => {
    for (const shell of ['zsh', 'fish']) {
      const out = run(['completion', shell]).stdout;
      for (const cmd of ['search', 'show', 'list', 'quiz', 'export', 'path'])
        expect(out).toContain(cmd);
      expect(out).toContain('bookkeeping-clerk');
    }
    expect(run(['completion', 'powershell']).code).toBe(2);
  });
});
