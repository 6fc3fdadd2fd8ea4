/**
 * End-to-end: long output on a terminal goes through the pager ($CAREERS_PAGER, $PAGER, else
 * `less -FRX`), never when piped, for --json, with --no-pager or PAGER=cat. The terminal is a
 * real pseudo-terminal (`script`, 24 rows by 80 columns); the pager is a small shell script that
 * records what it was given.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, run, tempDir } from '../helpers.js';

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

const dir = tempDir({});
const LOG = join(dir, 'paged.txt');
/** The fake pager: records its arguments, $LESS and every line it reads. */
const FAKE = join(dir, 'fake-pager.sh');
writeFileSync(FAKE, `#!/bin/sh\necho "args=$* LESS=$LESS" > '${LOG}'\ncat >> '${LOG}'\n`);
chmodSync(FAKE, 0o755);

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs careers in a 24x80 terminal; `env` are shell assignments put before the command. */
function inTerminal(args: string[], env: Record<string, string> = {}, size = 'rows 24 cols 80') {
  if (existsSync(LOG)) writeFileSync(LOG, '');
  const assign = Object.entries(env)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(' ');
  const command = `stty ${size}; ${assign} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "exit=$?"`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      TERM: 'xterm',
      PAGER: undefined,
      CAREERS_PAGER: undefined,
    },
    timeout: 30_000,
  });
  const screen = r.stdout.replace(/\r\n/g, '\n');
  const paged = existsSync(LOG) ? readFileSync(LOG, 'utf8') : '';
  return { screen, paged, code: Number(/exit=(\d+)/.exec(screen)?.[1]) };
}

(hasScript ? describe : describe.skip)('the pager, in a terminal', () => {
  test('show on a terminal is paged: the whole card, with LESS=FRX, nothing printed past it', () => {
    const piped = run(['show', 'data entry'], { env: { NO_COLOR: '1' } }).stdout;
    const t = inTerminal(['show', 'data entry'], { PAGER: FAKE });
    expect(t.code).toBe(0);
    expect(t.paged.split('\n')[0]).toBe('args= LESS=FRX');
    // The pager got the card as a pipe would (both are 80 columns, no colour).
    expect(t.paged.slice(t.paged.indexOf('\n') + 1)).toBe(piped);
    expect(t.screen).not.toContain('Data Entry Clerk');
  });

  test('CAREERS_PAGER wins over PAGER; --help is paged too', () => {
    const t = inTerminal(['--help'], { PAGER: 'false', CAREERS_PAGER: FAKE });
    expect(t.code).toBe(0);
    expect(t.paged).toContain('Usage: careers');
    expect(t.paged).toContain('Exit codes:');
  });

  test.each([
    ['--no-pager', ['show', 'data entry', '--no-pager'], {}],
    ['PAGER=cat', ['show', 'data entry'], { PAGER: 'cat' }],
    ['CAREERS_PAGER=""', ['show', 'data entry'], { PAGER: FAKE, CAREERS_PAGER: '' }],
    ['--json', ['show', 'data entry', '--json'], {}],
  ] as const)('%s prints straight to the terminal', (_name, args, env) => {
    const t = inTerminal([...args], { PAGER: FAKE, ...env });
    expect(t.code).toBe(0);
    expect(t.paged).toBe('');
    expect(t.screen).toMatch(/Data Entry Clerk|"data-entry-keyer"/);
  });

  test('output that fits the screen is printed without a pager', () => {
    const t = inTerminal(['list', '--help'], { PAGER: FAKE }); // 18 lines
    expect(t.code).toBe(0);
    expect(t.paged).toBe('');
    expect(t.screen).toContain('Usage: careers list');
  });

  test('a terminal of unknown height (nobody sized the pty) is not paged', () => {
    const t = inTerminal(['show', 'data entry'], { PAGER: FAKE }, 'rows 0 cols 0');
    expect(t.code).toBe(0);
    expect(t.paged).toBe('');
    expect(t.screen).toContain('Data Entry Clerk');
  });

  test('a pager that quits early (q) is no error', () => {
    const t = inTerminal(['list'], { PAGER: 'head -2' });
    expect(t.code).toBe(0);
    expect(t.screen).not.toMatch(/careers:|Error|EPIPE/);
    expect(t.screen.trim().split('\n')).toHaveLength(3); // two lines, then exit=0
  });

  test.each([
    ['a missing program', '/nonexistent/pager -R'],
    ['a shell command whose program is missing', `nonexistent-pager-x --prompt='x'`],
  ])('%s as pager: the text is printed instead', (_name, pager) => {
    const t = inTerminal(['show', 'data entry'], { PAGER: pager });
    expect(t.code).toBe(0);
    expect(t.screen).toContain('Data Entry Clerk');
    expect(t.screen).toContain('Public domain');
  });

  test('Ctrl-C under the pager is the pager’s: careers waits for it and ends as it does', async () => {
    // This pager ignores nothing: on Ctrl-C it notes it and quits normally, as less's q would.
    const trapping = join(dir, 'trap-pager.sh');
    writeFileSync(
      trapping,
      `#!/bin/sh\ntrap 'echo pager-saw-ctrl-c; exit 0' INT\necho pager-ready\ncat > /dev/null\nwhile :; do sleep 0.05; done\n`,
    );
    chmodSync(trapping, 0o755);
    // The shell around careers waits for it as an interactive one would: a `sh -c` without a
    // trap dies of the Ctrl-C itself (dash does; bash waits), whatever careers does.
    const command = `trap : INT; stty rows 24 cols 80; PAGER=${quote(trapping)} ${quote(process.execPath)} ${quote(BIN)} show 'data entry'; echo "exit=$?"`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    const deadline = Date.now() + 15_000;
    while (!screen.includes('pager-ready') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    child.stdin.write('\u0003');
    await new Promise((resolve) => child.on('close', resolve));
    expect(screen).toContain('pager-saw-ctrl-c');
    // careers outlived the Ctrl-C and ended with the command's own status.
    expect(screen).toMatch(/pager-saw-ctrl-c[\s\S]*exit=0/);
  });
});

describe('the pager, without a terminal', () => {
  test('piped output is never paged, whatever PAGER says', () => {
    const r = run(['show', 'data entry'], { env: { PAGER: FAKE, CAREERS_PAGER: FAKE } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Data Entry Clerk');
    expect(existsSync(LOG) ? readFileSync(LOG, 'utf8') : '').toBe('');
  });

  test('--no-pager is a known option, listed in --help', () => {
    const r = run(['--no-pager', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(run(['--help']).stdout).toContain('--no-pager');
  });
});
