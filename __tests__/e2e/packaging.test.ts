/**
 * Packaging: what `npm pack` ships, and the shell completion script.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, roleYaml, run, tempDir } from '../helpers.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

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
        'bin/careers.cjs',
        'dist/bundle/main.cjs',
        'dist/bundle/main.cache',
        'dist/bundle/import-esm.cjs',
        'dist/data.pack',
        'data/roles/payroll-clerk.yaml',
        'schema/show.schema.json',
      ]),
    );
  });
});

describe('start-up', () => {
  test('the shim compiles the bundle with the V8 code cache the build made (not rejected)', () => {
    const probe = spawnSync(
      process.execPath,
      ['-e', "console.log(require('./bin/careers.cjs').loadProgram().script.cachedDataRejected)"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('false');
    // Without the cache the same bundle still runs, only slower.
    const cold = spawnSync(
      process.execPath,
      [
        '-e',
        "require('./bin/careers.cjs').loadProgram({ useCache: false }).program.main(['node', 'careers', 'show', 'payroll']).then((c) => process.exit(c))",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(cold.status).toBe(0);
    expect(cold.stdout).toContain('Payroll Clerk');
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

  /** A data directory of two roles, and a directory of files to complete names in. */
  const data = tempDir({
    'roles/alpha-clerk.yaml': roleYaml('alpha-clerk', 'Alpha'),
    'roles/beta-clerk.yaml': roleYaml('beta-clerk', 'Beta'),
  });
  const files = tempDir({ 'answers.yaml': '', 'notes.txt': '', 'sub/x.yaml': '' });
  // The script runs `careers` as the command line names it: here the built binary.
  const careers = `${process.execPath} ${BIN}`;
  const shim = join(tempDir({}), 'careers');
  writeFileSync(shim, `#!/bin/sh\nexec ${careers} "$@"\n`, { mode: 0o755 });

  test('bash completes option values, file and directory names, and role ids of --data', () => {
    const file = join(tempDir({}), 'careers.bash');
    writeFileSync(file, run(['completion', 'bash']).stdout);
    const complete = (...words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _careers; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8', cwd: files },
      )
        .stdout.split('\n')
        .filter(Boolean);
    expect(complete('careers', 'export', '--format', '')).toEqual(['json', 'yaml', 'csv']);
    expect(complete('careers', 'export', '-f', 'y')).toEqual(['yaml']);
    expect(complete('careers', 'export', '--table', 's')).toEqual(['skills', 'software', 'salary']);
    expect(complete('careers', 'show', '--section', 'sa')).toEqual(['salary']);
    expect(complete('careers', 'list', '--sort', '')).toContain('salary');
    expect(complete('careers', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('careers', 'schema', 'exp')).toEqual(['export']);
    // Files for --out, --answers, --save and validate; directories for --data.
    expect(complete('careers', 'export', '--out', 'no')).toEqual(['notes.txt']);
    expect(complete('careers', 'quiz', '--answers', 'a')).toEqual(['answers.yaml']);
    expect(complete('careers', 'quiz', '--save', 'su')).toEqual(['sub']);
    expect(complete('careers', 'validate', 'sub/')).toEqual(['sub/x.yaml']);
    expect(complete('careers', '--data', '')).toEqual(['sub']);
    // A value typed freely is not completed with flags or roles.
    expect(complete('careers', 'list', '--min-salary', '')).toEqual([]);
    // Role ids: of the built-in data, or of the --data directory on the line (before or after the command).
    expect(complete('careers', 'export', '--role', 'payr')).toEqual(['payroll-clerk']);
    expect(complete(shim, '--data', data, 'show', '')).toEqual(['alpha-clerk', 'beta-clerk']);
    expect(complete(shim, 'similar', '--data', data, 'b')).toEqual(['beta-clerk']);
    expect(complete(shim, 'export', '--data', data, '--role', 'a')).toEqual(['alpha-clerk']);
  });

  test('completion --role-ids (for the scripts) prints the ids of --data, one a line', () => {
    const r = run(['--data', data, 'completion', '--role-ids']);
    expect(r).toEqual({ code: 0, stdout: 'alpha-clerk\nbeta-clerk\n', stderr: '' });
    expect(run(['completion', '--help']).stdout).not.toContain('--role-ids');
    const missing = run(['completion']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^careers: missing <shell> \(bash, zsh, fish\)/);
  });

  // zsh and fish are not on the CI machine; where they are installed, the scripts are run.
  const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
  const script = (shell: string) => {
    const file = join(tempDir({}), `careers.${shell}`);
    writeFileSync(file, run(['completion', shell]).stdout);
    return file;
  };

  (has('fish') ? test : test.skip)('fish completes commands, flags and role ids', () => {
    const file = script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((l) => l.split('\t')[0])
        .filter(Boolean);
    expect(complete('careers sim')).toEqual(['similar']);
    expect(complete('careers show payr')).toEqual(['payroll-clerk']);
    expect(complete('careers list --min')).toEqual(['--min-salary']);
    expect(complete('careers export --format ')).toEqual(['csv', 'json', 'yaml']);
    expect(complete('careers show --section sa')).toEqual(['salary']);
    expect(complete(`${shim} --data ${data} show `)).toEqual(['alpha-clerk', 'beta-clerk']);
    expect(complete(`careers --data ${files}/s`)).toEqual([`${files}/sub/`]);
    expect(complete(`careers export --out ${files}/no`)).toEqual([`${files}/notes.txt`]);
  });

  (has('zsh') ? test : test.skip)(
    'zsh: the script loads under compinit and offers role ids',
    () => {
      const file = script('zsh');
      const loaded = spawnSync('zsh', [
        '-fc',
        `autoload -U compinit; compinit -u -D; source ${file}`,
      ]);
      expect(loaded.status).toBe(0);
      // compadd and _describe print what they are given, so the candidates can be read.
      const offered = spawnSync(
        'zsh',
        [
          '-fc',
          `compadd() { print -rl -- "$@"; }; _describe() { print -rl -- \${(P)2}; }; compdef() {}
source ${file}; words=(careers show payr); CURRENT=3; _careers; words=(careers sim); CURRENT=2; _careers`,
        ],
        { encoding: 'utf8' },
      ).stdout.split('\n');
      expect(offered).toEqual(expect.arrayContaining(['payroll-clerk', '--section']));
      expect(offered.some((l) => l.startsWith('similar:'))).toBe(true);
      // Option values, files, and the role ids of --data (compadd and _files print their words).
      const offer = (line: string) =>
        spawnSync(
          'zsh',
          [
            '-fc',
            `compadd() { print -rl -- "$@"; }; _describe() {}; _files() { print -r -- "_files $*"; }; compdef() {}
source ${file}; words=(${line}); CURRENT=\${#words}; PREFIX=\${words[-1]}; _careers`,
          ],
          { encoding: 'utf8' },
        )
          .stdout.split('\n')
          .filter((l) => l !== '' && l !== '--');
      expect(offer(`careers export --format ''`)).toEqual(['json', 'yaml', 'csv']);
      expect(offer(`careers export --out ''`)).toEqual(['_files ']);
      expect(offer(`careers --data ''`)).toEqual(['_files -/']);
      // (zsh keeps the words that start with what is typed: flags come along with arguments.)
      const roles = offer(`${shim} --data ${data} show ''`).filter((w) => !w.startsWith('-'));
      expect(roles).toEqual(['alpha-clerk', 'beta-clerk']);
    },
  );

  test('zsh and fish scripts name every command; an unknown shell is a usage error', () => {
    for (const shell of ['zsh', 'fish']) {
      const out = run(['completion', shell]).stdout;
      for (const { name } of COMMANDS) expect(out).toContain(name);
      expect(out).toContain('bookkeeping-clerk');
    }
    expect(run(['completion', 'powershell']).code).toBe(2);
  });
});
