/**
 * End-to-end: faults that must lose nothing (issue 20). Each case spawns the built binary under
 * a hostile condition (a full stdout, a deleted working directory, parallel runs, endless stdin,
 * odd line ends, control characters) and checks the exit code, one line on stderr without a
 * stack trace, and that files are intact. Hangs are caught by the harness's timeouts.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, roleYaml, run, tempDir } from '../helpers.js';
import { entryFile } from '../../src/store/cache.js';
import { progress } from '../../src/store/progress.js';

const STACK = /\n\s+at /;
/** Raw control characters and bidi controls that must never reach a terminal or an export. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A run's stderr is one line starting "careers: " (or commander's "error: ") and no trace. */
function oneLine(stderr: string, message: RegExp): void {
  expect(stderr).not.toMatch(STACK);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
}

/** Runs the binary with `sh -c` around it (for redirections and a deleted cwd). */
function sh(script: string, cwd = ROOT) {
  const r = spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, CAREERS: `${process.execPath} ${BIN}`, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stdout that cannot be written', () => {
  test.each([
    ['list', ['list']],
    ['show --json', ['show', 'payroll clerk', '--json']],
    ['export csv', ['export', '--format', 'csv']],
  ])('%s > /dev/full: exit 4, one line', (_name, args) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', fd, 'pipe'],
        timeout: 30_000,
      });
      expect(r.status).toBe(4);
      oneLine(
        r.stderr,
        /^careers: cannot write to standard output \(no space left on the device\)$/m,
      );
    } finally {
      closeSync(fd);
    }
  });

  test.each([
    ['show nope', ['show', 'zzqx-no-role'], 1],
    ['list --min-salary ""', ['list', '--min-salary', ''], 2],
    ['--data missing list', ['--data', '/no/such/dir', 'list'], 3],
  ])('%s 2> /dev/full: the exit code still tells', (_name, args, code) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', fd],
        timeout: 30_000,
      });
      expect(r.status).toBe(code);
    } finally {
      closeSync(fd);
    }
  });

  test('a closed pipe is still a quiet success', () => {
    const r = sh('$CAREERS list | head -c 10 > /dev/null; echo "status=$?"');
    expect(r.stdout).toBe('status=0\n');
    expect(r.stderr).toBe('');
  });
});

describe('empty values for numeric options (an unset shell variable)', () => {
  test.each([
    ['list --min-salary ""', ['list', '--min-salary', '']],
    ['export --min-salary " "', ['export', '--min-salary', ' ']],
    ['search --limit ""', ['search', 'clerk', '--limit', '']],
    ['similar --limit ""', ['similar', 'bookkeeper', '--limit', '']],
  ])('%s: exit 2, one line naming the empty value', (_name, args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    oneLine(r.stderr, /--(min-salary|limit).*empty value/);
  });
});

describe('a deleted working directory', () => {
  const inGone = (args: string) => {
    const root = tempDir({});
    return sh(`mkdir gone && cd gone && rmdir ../gone && $CAREERS ${args}`, root);
  };

  test('a relative --data path: exit 3, says the directory is gone', () => {
    const r = inGone('--data my-data list');
    expect(r.code).toBe(3);
    oneLine(r.stderr, /my-data cannot be found: the current directory no longer exists/);
  });

  test('an absolute --data path with a problem: the problem, not "uv_cwd"', () => {
    const dir = tempDir({ 'roles/a.yaml': roleYaml('a-clerk', 'A', 'colour: blue\n') });
    const r = inGone(`--data ${dir} list`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/a\.yaml:\d+:\d+: colour: unknown field/);
    expect(r.stderr).not.toMatch(/uv_cwd|unexpected/);
  });

  test('the built-in data still works; export --out to a relative name fails in one line', () => {
    expect(inGone('show payroll --json').code).toBe(0);
    const r = inGone('export --out roles.json');
    expect(r.code).toBe(4);
    oneLine(r.stderr, /^careers: cannot write roles\.json/);
    expect(r.stderr).not.toMatch(/uv_cwd|unexpected/);
  });
});

describe('long file names (NAME_MAX is 255 bytes)', () => {
  test('a legal 245-byte name is written; the temp name stays within the limit', () => {
    const dir = tempDir({});
    const name = `${'é'.repeat(120)}.json`; // 245 bytes in UTF-8
    expect(Buffer.byteLength(name)).toBe(245);
    const r = run(['export', '--role', 'payroll', '--out', join(dir, name)]);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^careers: wrote 1 role/)]);
    expect(readdirSync(dir)).toEqual([name]);
    expect(JSON.parse(readFileSync(join(dir, name), 'utf8')).count).toBe(1);
  });

  test('a 256-byte name: exit 4, one line, nothing written', () => {
    const dir = tempDir({});
    const r = run(['export', '--out', join(dir, `${'x'.repeat(251)}.json`)]);
    expect(r.code).toBe(4);
    oneLine(r.stderr, /the file name is longer than 255 bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('parallel exports to one new file', () => {
  const once = (out: string, format: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'export', '--format', format, '--out', out], {
        cwd: ROOT,
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  test('4 at once without --force, 3 rounds: exactly one wins, the rest exit 2', async () => {
    for (const round of [1, 2, 3]) {
      const dir = tempDir({});
      const out = join(dir, 'same.out');
      // Different formats, so the file shows whose output survived.
      const formats = ['json', 'yaml', 'csv', 'json'];
      const results = await Promise.all(formats.map((f) => once(out, f)));
      const winners = results.filter((r) => r.code === 0);
      expect({ round, winners: winners.length }).toEqual({ round, winners: 1 });
      for (const r of results.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(2);
        oneLine(r.stderr, /same\.out already exists; use --force/);
      }
      const format = formats[results.findIndex((r) => r.code === 0)];
      expect(winners[0]?.stderr).toContain(`(${format})`);
      expect(readdirSync(dir)).toEqual(['same.out']);
      const text = readFileSync(out, 'utf8');
      if (format === 'json') expect(JSON.parse(text).count).toBeGreaterThan(30);
      else if (format === 'csv') expect(text.split('\r\n')[0]).toMatch(/^id,title/);
      else expect(text).toMatch(/^# \d+ role profiles exported/);
    }
  }, 60_000);
});

describe('standard input that never ends', () => {
  test('yes | careers quiz --answers -: stops at the 1 MiB limit, exit 2', () => {
    const r = sh('yes | $CAREERS quiz --answers -');
    expect(r.code).toBe(2);
    oneLine(r.stderr, /^careers: answers on stdin: more than 1048576 bytes; the limit is 1 MiB$/m);
  });

  test('answers on stdin that are UTF-16: named as such', () => {
    const dir = tempDir({});
    writeFileSync(join(dir, 'a.yaml'), Buffer.from('day: figures\n', 'utf16le'));
    const r = sh(`$CAREERS quiz --answers - < ${join(dir, 'a.yaml')}`);
    expect(r.code).toBe(2);
    oneLine(r.stderr, /answers on stdin:1:1: the file is UTF-16 \(little-endian\) text/);
  });
});

describe('line ends', () => {
  test('a role file with CR-only line ends loads; a problem in it has the right line', () => {
    const good = tempDir({ 'roles/mac.yaml': roleYaml('mac-clerk', 'Mac').replace(/\n/g, '\r') });
    const r = run(['--data', good, 'show', 'mac-clerk', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).role.title).toBe('Mac');
    const bad = tempDir({
      'roles/mac.yaml': roleYaml('mac-clerk', 'Mac', 'colour: blue\n').replace(/\n/g, '\r'),
    });
    const b = run(['--data', bad, 'list']);
    expect(b.code).toBe(3);
    expect(b.stderr).toMatch(/mac\.yaml:14:1: colour: unknown field/);
  });
});

describe('control characters in machine formats and on a terminal', () => {
  const dir = join(ROOT, '__tests__', 'fixtures', 'bad', 'escape-title-show');

  test.each([
    ['export json', ['export', '--format', 'json']],
    ['export yaml', ['export', '--format', 'yaml']],
    ['show --json', ['show', 'escape-clerk', '--json']],
    ['list --json', ['list', '--json']],
  ])('%s: C0/C1 controls and bidi overrides are escaped, not raw', (_name, args) => {
    const r = run(['--data', dir, ...args], { env: { CAREERS_NO_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toMatch(/\\u202e|\\u001b|\\e/);
  });

  test('the escaped YAML export loads back with the same title', () => {
    const out = tempDir({});
    const e = run(['--data', dir, 'export', '--format', 'yaml', '--out', join(out, 'r.yaml')]);
    expect(e.code).toBe(0);
    const before = JSON.parse(run(['--data', dir, 'export', '--format', 'json']).stdout);
    const after = JSON.parse(run(['--data', out, 'export', '--format', 'json']).stdout);
    expect(after.roles[0].title).toBe(before.roles[0].title);
    expect(after.roles[0].title).toContain('\u202e');
  });
});

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

(hasScript ? test : test.skip)('export --format csv to a terminal: the cells are cleaned', () => {
  const dir = join(ROOT, '__tests__', 'fixtures', 'bad', 'escape-title-show');
  const command = `'${process.execPath}' '${BIN}' --data '${dir}' export --format csv --fields id,title`;
  const r = spawnSync('script', ['-qefc', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1', CAREERS_NO_CACHE: '1' },
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/escape-clerk,.*Escape.*Clerk/);
  // The terminal turns \n into \r\n itself; no other control character may come through.
  expect(r.stdout.replace(/\r\n/g, '\n')).not.toMatch(RAW);
});

/**
 * A data directory of about `n` real-sized roles: the built-in profiles copied over and over
 * (ids and related-role ids, O*NET's too, suffixed per copy), made at test time. Big enough that a first
 * load takes seconds, so the slow-load notes come and a signal can land during each step.
 */
function manyRoles(n: number): string {
  const dir = tempDir({});
  mkdirSync(join(dir, 'roles'));
  const src = join(ROOT, 'data', 'roles');
  const names = readdirSync(src);
  for (let copy = 0; copy * names.length < n; copy++) {
    for (const name of names) {
      const text = readFileSync(join(src, name), 'utf8')
        .replace(/^id: ([a-z0-9-]+)$/m, `id: $1-v${copy}`)
        .replace(/^((?:relatedRoles|onetRelated):\n(?: .*\n)*)/gm, (block) =>
          block.replace(/id: ([a-z0-9-]+)/g, `id: $1-v${copy}`),
        );
      // A "!" token keeps js-yaml's fast path off (data/yaml.ts): the yaml package reads these
      // files, so the first load lasts seconds on any machine.
      writeFileSync(join(dir, 'roles', `${copy}-${name}`), `${text}# ! read with yaml\n`);
    }
  }
  return dir;
}

describe('signals during long synchronous work', () => {
  const data = manyRoles(250);

  /** Spawns export --out over the data, signals it after `delay` ms; resolves to what it left. */
  const interrupted = (signal: NodeJS.Signals, delay: number, cache: string, waitFor?: RegExp) =>
    new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, '--data', data, 'export', '--out', join(out, 'old.json'), '--force'],
        { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: cache } },
      );
      let stderr = '';
      let sent = false;
      const send = () => {
        if (!sent) setTimeout(() => child.kill(signal), delay);
        sent = true;
      };
      child.stderr.on('data', (d) => {
        stderr += d;
        if (waitFor?.test(stderr)) send();
      });
      if (!waitFor) send();
      child.on('exit', (code, sig) => resolve({ code, signal: sig, stderr }));
    });
  const out = tempDir({ 'old.json': '{"old": true}\n' });
  const old = readFileSync(join(out, 'old.json'));

  test.each([
    ['SIGINT', 130, 'reading role files'],
    ['SIGTERM', 143, 'reading role files'],
    ['SIGINT', 130, 'building the search index'],
    ['SIGTERM', 143, 'writing the cache'],
  ] as const)(
    '%s during a first load: exit %d when signalled at "%s", the old file byte-identical, no temp file',
    async (signal, code, step) => {
      const cache = tempDir({});
      // The slow-load note says the load is under way: signal it then.
      const r = await interrupted(signal, 50, cache, new RegExp(step));
      expect({ code: r.code, stack: STACK.test(r.stderr) }).toEqual({ code, stack: false });
      expect(readFileSync(join(out, 'old.json')).equals(old)).toBe(true);
      expect(readdirSync(out)).toEqual(['old.json']);
      const cached = existsSync(join(cache, 'careers')) ? readdirSync(join(cache, 'careers')) : [];
      expect(cached.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
    60_000,
  );

  test('SIGINT and SIGTERM mid-export over a warm cache: 130/143 or done, never a mix', async () => {
    const cache = tempDir({});
    expect(run(['--data', data, 'list'], { env: { XDG_CACHE_HOME: cache } }).code).toBe(0);
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      // A spread of moments, so some signals land as the run ends (Node closes its signal
      // handlers on the way out: bin/careers.cjs exits before that gap).
      for (const delay of [100, 200, 300, 400]) {
        writeFileSync(join(out, 'old.json'), old);
        const r = await interrupted(signal, delay, cache);
        expect(r.stderr).not.toMatch(STACK);
        // Killed before the handlers were installed, by the signal itself: nothing was written.
        if (r.signal === signal) expect(readFileSync(join(out, 'old.json')).equals(old)).toBe(true);
        else if (r.code === code)
          expect(readFileSync(join(out, 'old.json')).equals(old)).toBe(true);
        else {
          expect(r.code).toBe(0); // finished before the signal came
          expect(
            JSON.parse(readFileSync(join(out, 'old.json'), 'utf8')).count,
          ).toBeGreaterThanOrEqual(250);
        }
        expect(readdirSync(out)).toEqual(['old.json']);
      }
    }
  }, 120_000);
});

describe('a cache that cannot be used never hangs and says so once', () => {
  const data = tempDir({ 'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha') });
  const list = (env: Record<string, string>) => run(['--data', data, 'list', '--json'], { env });
  const ok = (r: ReturnType<typeof run>) => {
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).roles.map((x: { id: string }) => x.id)).toEqual(['alpha-clerk']);
  };

  test('a FIFO in the place of the cache entry: skipped with one warning, then replaced', () => {
    const cache = tempDir({});
    const entry = entryFile({ XDG_CACHE_HOME: cache }, data);
    spawnSync('mkdir', ['-p', join(cache, 'careers')]);
    expect(spawnSync('mkfifo', [entry]).status).toBe(0);
    const r = list({ XDG_CACHE_HOME: cache });
    ok(r);
    oneLine(r.stderr, /^careers: warning: the cache entry .*\.pack is not a regular file/);
    // The write replaced the FIFO with a real entry, which the next run reads quietly.
    expect(lstatSync(entry).isFile()).toBe(true);
    const again = list({ XDG_CACHE_HOME: cache });
    ok(again);
    expect(again.stderr).toBe('');
  });

  test.each([
    ['/proc/self (a recursive mkdir spins there)', '/proc/self'],
    ['a regular file', join(tempDir({ f: 'x' }), 'f')],
  ])('XDG_CACHE_HOME is %s: one warning, the command works', (_name, home) => {
    const r = list({ XDG_CACHE_HOME: home });
    ok(r);
    oneLine(r.stderr, /^careers: warning: cannot write the cache in .*careers \(E[A-Z]+\)/);
  });

  test('an edit that keeps size and mtime is seen (the key has ctime and inode)', () => {
    const cache = tempDir({});
    const dir = tempDir({ 'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha') });
    const file = join(dir, 'roles', 'a.yaml');
    const title = () =>
      JSON.parse(
        run(['--data', dir, 'show', 'alpha-clerk', '--json'], { env: { XDG_CACHE_HOME: cache } })
          .stdout,
      ).role.title;
    // Both versions get the same whole-second mtime, as touch -r or an archive gives them.
    const when = new Date('2025-01-02T03:04:05Z');
    utimesSync(file, when, when);
    expect(title()).toBe('Alpha');
    const before = statSync(file);
    writeFileSync(file, roleYaml('alpha-clerk', 'Omega')); // same length
    utimesSync(file, when, when);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(title()).toBe('Omega');
  });
});

describe('bounded work per word and per field', () => {
  test('a 20,000-letter word: a located validation error, fast', () => {
    const dir = tempDir({
      'roles/long.yaml': roleYaml('long-clerk', 'Long').replace(
        'summary: A test role.',
        `summary: A ${'x'.repeat(20_000)} role.`,
      ),
    });
    const r = run(['--data', dir, 'list']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /long\.yaml:4:10: summary: a word of 20000 letters is too long \(the limit is 64\)/,
    );
    expect(r.stderr).not.toMatch(STACK);
  });

  test.each([
    [120_000, /many\.yaml:5:\d+: the file is too long: more than 100000 lines and commas/],
    [1001, /many\.yaml:5:\d+: aliases: at most 1000 entries per list \(this one has 1001\)/],
  ])('%d aliases in one role: a located validation error, not a stall', (n, message) => {
    // One flow list: its commas count like lines, and the file stays small.
    const aliases = Array.from({ length: n }, (_, i) => `A ${i.toString(36)}`);
    const dir = tempDir({
      'roles/many.yaml': roleYaml('many-clerk', 'Many').replace(
        'aliases: [Many Clerk]',
        `aliases: [${aliases.join(', ')}]`,
      ),
    });
    const r = run(['--data', dir, 'list']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
  });

  test('a 200-letter query word is answered at once (typo search skips absurd words)', () => {
    const r = run(['search', 'q'.repeat(200)]);
    expect(r.code).toBe(1);
    oneLine(r.stderr, /^careers: no role matches/);
  });
});

test('the slow-load note cleans the --data path it echoes', () => {
  let notes = '';
  let now = 0;
  const p = progress(
    { write: (t) => (notes += t), isTTY: false },
    '/tmp/x\u001b]0;owned\u0007\u001b[2Jy\u202e',
    true,
    () => now,
  );
  now = 1500;
  p.step('reading role files');
  p.files(1, 9);
  expect(notes.split('\n').filter(Boolean)).toHaveLength(1);
  expect(notes).toContain('first load of /tmp/xy;');
  expect(notes.replace(/\n$/, '')).not.toMatch(RAW);
});
