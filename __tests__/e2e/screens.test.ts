/**
 * End-to-end: every screen at 60, 80 and 120 columns, colour off and --ascii. No line wider
 * than the width, every money figure and id of the JSON output whole in the text, and ASCII mode
 * printing only ASCII. The command lines run in one process through the built bundle
 * (fixtures/run-many.cjs), with stdout not a terminal and COLUMNS set, as in a pipe.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { readdirSync } from 'node:fs';
import { FIXTURES, ROOT, run, schemaErrors, tempDir } from '../helpers.js';

interface Job {
  argv: string[];
  env?: Record<string, string>;
}
interface Result extends Job {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the jobs in one process; results in the same order. */
function runMany(jobs: Job[]): Result[] {
  const r = spawnSync(process.execPath, [join(FIXTURES, 'run-many.cjs')], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CAREERS_DATA_DIR: undefined },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`run-many failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Result);
}

/** Money keys of the JSON documents, and the commands whose text shows them. */
/** `at`: the part of the JSON document the text shows (default: all of it). */
const COMMANDS: Array<{ argv: string[]; money?: string[]; ids?: boolean; at?: string }> = [
  { argv: ['search', 'acountant'], money: ['medianSalary'], ids: true },
  { argv: ['search', 'payroll'], money: ['medianSalary'], ids: true },
  {
    argv: ['show', 'data entry', '--section', 'cities'],
    money: ['median', 'p25', 'p75', 'adjusted'],
    at: 'cities',
  },
  {
    argv: ['show', 'executive assistant', '--section', 'cities'],
    money: ['median', 'p25', 'p75', 'adjusted'],
    at: 'cities',
  },
  { argv: ['show', 'bookkeeper', '--section', 'salary'] },
  // Its numbered steps wrap with a hanging indent (once 3 columns over the width at 60).
  { argv: ['show', 'bookkeeper', '--section', 'path'] },
  { argv: ['show', 'data entry'] },
  { argv: ['show', 'back office administrator'] },
  { argv: ['list'], ids: true },
  { argv: ['list', '--chart'] },
  { argv: ['compare', 'bookkeeper', 'payroll clerk'], money: ['median', 'p10', 'p90'], ids: true },
  {
    argv: [
      'compare',
      'administrative services manager',
      'compensation benefits specialist',
      'executive assistant',
      'administrative assistant',
    ],
    money: ['median', 'p10', 'p90'],
    ids: true,
  },
  { argv: ['path', 'data entry'] },
  { argv: ['gap', 'data entry keyer', 'executive assistant'] },
  { argv: ['similar', 'bookkeeper'], ids: true },
  { argv: ['schema'] },
  { argv: ['about'] },
  { argv: ['quiz', '--questions'] },
  { argv: ['--help'] },
  ...[
    'search',
    'show',
    'list',
    'compare',
    'path',
    'gap',
    'similar',
    'quiz',
    'export',
    'schema',
  ].map((c) => ({ argv: [c, '--help'] })),
  { argv: ['show', 'no such role at all'] },
  { argv: ['list', '--min-salary', 'abc'] },
];

const WIDTHS = [60, 80, 120];

/** Every number under one of `keys` and every string under "id", anywhere in a JSON value. */
function collect(value: unknown, keys: string[], money: number[], ids: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => collect(v, keys, money, ids));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number' && keys.includes(k)) money.push(v);
      else if (k === 'id' && typeof v === 'string') ids.push(v);
      else collect(v, keys, money, ids);
    }
}

const dollars = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('every screen at every width', () => {
  const jobs: Job[] = [];
  for (const width of WIDTHS)
    for (const mode of [[], ['--ascii']])
      for (const c of COMMANDS)
        jobs.push({ argv: [...c.argv, ...mode], env: { COLUMNS: String(width) } });
  for (const c of COMMANDS) if (c.money || c.ids) jobs.push({ argv: [...c.argv, '--json'] });
  const results = runMany(jobs);
  const shown = results.filter((r) => !r.argv.includes('--json'));
  const json = new Map(
    results.filter((r) => r.argv.includes('--json')).map((r) => [r.argv.slice(0, -1).join(' '), r]),
  );

  // stderr holds one-line errors, kept whole so they can be searched for.
  test.each(WIDTHS)('no line of output is wider than %i columns', (width) => {
    const wide = shown
      .filter((r) => r.env?.COLUMNS === String(width))
      .flatMap((r) =>
        r.stdout
          .split('\n')
          .filter((line) => stringWidth(line) > width)
          .map((line) => `${r.argv.join(' ')}: ${line}`),
      );
    expect(wide).toEqual([]);
  });

  test('every command ran as expected (no cut marks anywhere)', () => {
    for (const r of shown) {
      const expected = r.argv.includes('no such role at all') ? 1 : r.argv.includes('abc') ? 2 : 0;
      expect([r.argv.join(' '), r.code]).toEqual([r.argv.join(' '), expected]);
      expect(r.stdout).not.toMatch(/…|\.\.\.$/m);
    }
  });

  test('ASCII mode prints only ASCII, on stdout and stderr', () => {
    const ascii = shown.filter((r) => r.argv.includes('--ascii'));
    expect(ascii.length).toBe(COMMANDS.length * WIDTHS.length);
    const bad = ascii.flatMap((r) =>
      `${r.stdout}${r.stderr}`
        .split('\n')
        .filter((line) => /[^\x00-\x7f]/.test(line))
        .map((line) => `${r.argv.join(' ')}: ${line}`),
    );
    expect(bad).toEqual([]);
  });

  test('every money figure and id of the JSON output is whole in the text', () => {
    let checked = 0;
    for (const c of COMMANDS.filter((c) => c.money || c.ids)) {
      const whole = JSON.parse(json.get(c.argv.join(' '))?.stdout ?? 'null') as Record<
        string,
        unknown
      >;
      const doc = c.at ? whole[c.at] : whole;
      const money: number[] = [];
      const ids: string[] = [];
      collect(doc, c.money ?? [], money, ids);
      expect(money.length + ids.length).toBeGreaterThan(0);
      const same = (r: Result) =>
        r.argv.filter((a) => a !== '--ascii').join(' ') === c.argv.join(' ');
      for (const r of shown.filter(same)) {
        for (const m of money) {
          expect([r.argv.join(' '), r.env?.COLUMNS, r.stdout]).toEqual([
            r.argv.join(' '),
            r.env?.COLUMNS,
            expect.stringMatching(new RegExp(`${escape(dollars(m))}(?![\\d,])`)),
          ]);
          checked++;
        }
        if (c.ids)
          for (const id of ids) {
            expect([r.argv.join(' '), r.env?.COLUMNS, r.stdout]).toEqual([
              r.argv.join(' '),
              r.env?.COLUMNS,
              expect.stringMatching(new RegExp(`(^|[^\\w-])${escape(id)}($|[^\\w-])`, 'm')),
            ]);
            checked++;
          }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('arguments and errors as a terminal user expects', () => {
  test('usage errors are one line in the program style, naming the help to read', () => {
    const cases: Array<[string[], string]> = [
      [
        ['list', '--min-salary', 'abc'],
        'careers: --min-salary must be a whole number of dollars (got "abc"); see careers list --help\n',
      ],
      [
        ['list', '--sort', 'x'],
        'careers: --sort must be one of title, salary (got "x"); see careers list --help\n',
      ],
      [
        ['serch', 'x'],
        'careers: unknown command serch (did you mean search?); see careers --help\n',
      ],
      [['show'], 'careers: missing <role>; see careers show --help\n'],
    ];
    for (const [args, stderr] of cases) expect(run(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('several words that are not one role name are refused, not joined into another role', () => {
    for (const cmd of ['show', 'path', 'similar']) {
      const r = run([cmd, 'bookkeeper', 'payroll']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^careers: .*quote .*careers ${cmd} --help\\n$`));
    }
    // Words that spell a role's name together still work unquoted.
    expect(run(['show', 'data', 'entry', '--section', 'overview']).stdout).toMatch(
      /^Data Entry Clerk/,
    );
  });

  test('--version --json is JSON; --out - and quiz --save - mean stdout', () => {
    const version = JSON.parse(run(['--version', '--json']).stdout) as unknown;
    expect(version).toMatchObject({ version: expect.any(String) });
    // Its shipped schema (schema/version.schema.json) describes it, and `careers schema` lists it.
    expect(schemaErrors('version', version)).toEqual([]);
    expect(run(['schema', 'version']).code).toBe(0);
    const csv = run(['export', '--format', 'csv', '--out', '-'], { cwd: tempDir({}) });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^id,title,/);
    const dir = tempDir({});
    const answers = join(ROOT, 'examples', 'quiz-answers.yaml');
    const saved = run(['quiz', '--answers', answers, '--save', '-'], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^day: /m);
    expect(saved.stderr).toContain('Your best matches');
    expect(readdirSync(dir)).toEqual([]); // no file named "-"
  });
});

describe('data promises', () => {
  test('filters that match nothing say why and suggest; --industry is not offered', () => {
    const city = run(['list', '--city', 'San Francisco']);
    expect(city.code).toBe(1);
    expect(city.stderr).toMatch(/no city called "San Francisco".*12 metros: Atlanta, Boston,/);
    expect(run(['list', '--tool', 'excell']).stderr).toMatch(/did you mean excel\?/);
    expect(run(['list', '--help']).stdout).not.toContain('--industry');
    expect(run(['list', '--industry', 'finance'])).toMatchObject({ code: 2, stdout: '' });
  });

  test('show --section path holds the career path tree', () => {
    const out = run(['show', 'data entry', '--section', 'path']).stdout;
    expect(out).toContain('Career path');
    expect(out).toContain('Where it can lead');
    expect(out).toContain('How to become one');
  });
});

describe('the quiz prompts on a terminal (a pty through script)', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)(
    'ASCII marks only; Ctrl-C clears the prompt, then one line, exit 130',
    async () => {
      const p = spawn(
        'script',
        ['-qfec', `"${process.execPath}" bin/careers.cjs quiz --ascii`, '/dev/null'],
        {
          cwd: ROOT,
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
        },
      );
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      const seen = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => (out.includes(text) ? resolve() : setTimeout(check, 50));
          check();
        });
      await seen('Question 1 of 14');
      p.stdin.write('\r'); // the first choice
      await seen('Question 2 of 14');
      p.stdin.write('\x03');
      const code = await new Promise<number | null>((resolve) => p.on('exit', resolve));
      expect(code).toBe(130);
      const text = out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      expect(text.split('\n').filter((l) => /[^\x00-\x7f]/.test(l))).toEqual([]);
      expect(text).toMatch(/\+ Question 1 of 14:[^]{0,120}Numbers and figures/);
      // The half-drawn question 2 is erased line by line before the message.
      const tail = out.slice(out.lastIndexOf('up/down navigate'));
      expect(tail).toMatch(/(\u001b\[2K\u001b\[1A){5,}[^]*careers: interrupted\r?\n/);
    },
    30_000,
  );
});
