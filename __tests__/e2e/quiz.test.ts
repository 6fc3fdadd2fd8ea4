/**
 * End-to-end: `careers quiz` as a user runs it. Scripted runs spawn the built binary with no
 * TTY; the interactive runs use a real pseudo-terminal through `script` (util-linux), waiting
 * for each question to be drawn before pressing keys. Run after `npm run build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, ROOT, roleYaml, run, tempDir } from '../helpers.js';
import { QuizQuestionsOutputSchema, QuizResultOutputSchema } from '../../src/core/output.js';

const EXAMPLE = join(ROOT, 'examples', 'quiz-answers.yaml');
const example = parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
const withAnswers = (changes: Record<string, unknown>) => {
  const dir = tempDir({ 'answers.json': JSON.stringify({ ...example, ...changes }) });
  return join(dir, 'answers.json');
};

describe('careers quiz, scripted (no TTY)', () => {
  test('--answers example --json: one JSON document, the whole ranking, numbers roles first', () => {
    const r = run(['quiz', '--answers', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = QuizResultOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.schemaVersion).toBe(2);
    expect(doc.results.length).toBeGreaterThanOrEqual(30);
    const first = doc.results[0];
    expect(first).toMatchObject({ rank: 1, command: `careers show ${first?.id}` });
    expect(['bookkeeping-clerk', 'payroll-clerk', 'billing-clerk']).toContain(first?.id);
    expect(first?.contributions.length).toBeGreaterThan(0);
  });

  test('the README pipeline: --answers file --json | jq .results[0]', () => {
    const jq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' });
    if (jq.status !== 0) {
      console.log('jq not installed: pipeline test skipped (the JSON is checked above)');
      return;
    }
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" quiz --answers "${EXAMPLE}" --json | jq -e '.results[0].id'`,
      ],
      { encoding: 'utf8', cwd: ROOT, timeout: 30_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^"[a-z-]+"\n$/);
  });

  test('--answers - reads stdin; the text result names three roles', () => {
    const r = run(['quiz', '--answers', '-'], { input: readFileSync(EXAMPLE, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/careers show [a-z-]+/g)).toHaveLength(3);
  });

  test('a question left out of the answers file counts as skipped, said in one line on stderr', () => {
    const missing = { ...example };
    delete missing.analysis;
    const file = join(tempDir({ 'missing.yaml': JSON.stringify(missing) }), 'missing.yaml');
    const r = run(['quiz', '--answers', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `careers: ${file}: 1 question not answered (analysis), counted as skipped\n`,
    );
    const result = JSON.parse(r.stdout) as { answers: Record<string, unknown> };
    expect(result.answers.analysis).toBeNull();
    expect(Object.keys(result.answers)).toEqual(Object.keys(example));
  });

  test('an unknown or out-of-range answer: exit 2, one line naming the question', () => {
    const cases: Array<[string, RegExp]> = [
      [withAnswers({ day: 'juggling' }), /question "day": "juggling" is not a choice/],
      [withAnswers({ reconcile: 9 }), /question "reconcile": 9 is not a rating from 1 to 5/],
      [withAnswers({ favourite: 'blue' }), /unknown question "favourite"/],
    ];
    for (const [file, message] of cases) {
      const r = run(['quiz', '--answers', file]);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  test('a broken answers file is a located usage error; a missing one an I/O error', () => {
    const dir = tempDir({ 'bad.yaml': 'day: [figures\n' });
    const bad = run(['quiz', '--answers', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^careers: .*bad\.yaml:\d+:\d+: /);
    const missing = run(['quiz', '--answers', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/cannot read .*nope\.yaml \(ENOENT\)/);
  });

  test('without a TTY and without --answers: exit 2 at once with a hint', () => {
    const started = Date.now();
    const r = run(['quiz']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/needs a terminal.*--answers <file>/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('quiz --help shows the options and examples', () => {
    const r = run(['quiz', '--help']);
    expect(r.code).toBe(0);
    for (const part of ['--questions', '--answers <file>', '--save <file>', '--force', 'Examples:'])
      expect(r.stdout).toContain(part);
  });

  test('--questions lists ids and choice ids; with --json it matches its schema', () => {
    const text = run(['quiz', '--questions']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^day {2}\(one choice id\)$/m);
    expect(text.stdout).toMatch(/^ +figures +Numbers and figures$/m);
    const json = run(['quiz', '--questions', '--json']);
    const doc = QuizQuestionsOutputSchema.parse(JSON.parse(json.stdout));
    expect(Object.keys(example)).toEqual(doc.questions.map((q) => q.id));
  });

  test('--data: its own quiz.yaml is used, and a bad weight in it exits 3 with file:line', () => {
    const quiz = `title: Tiny
intro: One question.
questions:
  - id: keys
    type: rating
    text: Do you like typing?
    low: no
    high: yes
    weights: { skills: { Typing: 2 } }
`;
    const good = tempDir({
      'roles/a.yaml': roleYaml('alpha', 'Alpha'),
      'roles/b.yaml': roleYaml('beta', 'Beta').replace('importance: 3.5', 'importance: 4.5'),
      'quiz.yaml': quiz,
      'answers.yaml': 'keys: 5\n',
    });
    const r = run(['--data', good, 'quiz', '--answers', join(good, 'answers.yaml'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { id: string }) => x.id)).toEqual([
      'beta',
      'alpha',
    ]);
    const bad = tempDir({
      'roles/a.yaml': roleYaml('alpha', 'Alpha'),
      'quiz.yaml': quiz.replace('Typing', 'Juggling'),
    });
    const e = run(['--data', bad, 'quiz', '--questions']);
    expect(e.code).toBe(3);
    expect(e.stderr).toMatch(
      /quiz\.yaml:9:\d+: questions\.0\.weights\.skills\.Juggling: no role lists the skill "Juggling"/,
    );
  });

  test('--save with --answers writes a replayable file and will not overwrite it', () => {
    const dir = tempDir({});
    const file = join(dir, 'saved.yaml');
    const r = run(['quiz', '--answers', EXAMPLE, '--save', file]);
    expect(r.code).toBe(0);
    expect(parse(readFileSync(file, 'utf8'))).toEqual(example);
    const again = run(['quiz', '--answers', EXAMPLE, '--save', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
  });

  test('other commands never load inquirer', () => {
    // A resolve hook that refuses inquirer: a command that imported it would fail.
    const dir = tempDir({
      'hooks.mjs': `export async function resolve(specifier, context, next) {
  if (specifier.includes('inquirer')) throw new Error('inquirer was loaded');
  return next(specifier, context);
}`,
      'register.mjs': `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);`,
    });
    const withHook = (args: string[]) =>
      spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), ...args], {
        encoding: 'utf8',
        cwd: ROOT,
      });
    const control = withHook(['--input-type=module', '-e', "await import('inquirer')"]);
    expect(control.stderr).toContain('inquirer was loaded');
    for (const args of [['list'], ['show', 'payroll'], ['quiz', '--answers', EXAMPLE]]) {
      const r = withHook([BIN, ...args]);
      expect({ args, code: r.status, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });
});

/** A `careers` run inside a pseudo-terminal, driven by keypresses. */
function inTerminal(args: string[], cwd: string, raw = false) {
  // `raw`: args are a whole command line (after a leading "--"), not careers' arguments.
  const words = raw ? args.slice(1) : [process.execPath, BIN, ...args];
  const command = words.map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd,
    env: {
      ...process.env,
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      COLUMNS: '100',
      LINES: '40',
      CAREERS_DATA_DIR: '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  /** Waits until the screen (since `from`) contains `text`; fails after a generous timeout. */
  const waitFor = async (text: string, from = 0, ms = 15_000): Promise<number> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const at = screen.indexOf(text, from);
      if (at >= 0) return at + text.length;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for "${text}"; screen so far:\n${screen.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      child.stdin.write(key);
      await new Promise((r) => setTimeout(r, 60));
    }
  };
  return { waitFor, press, exited, screen: () => screen, kill: () => child.kill('SIGKILL') };
}

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;
const KEYS = { enter: '\r', down: '\u001b[B', space: ' ', ctrlC: '\u0003' };

(hasScript ? describe : describe.skip)('careers quiz in a real terminal (script)', () => {
  if (!hasScript) console.log('script (util-linux) is not installed: terminal tests skipped');

  test('completes the quiz by keypresses, shows the result and saves replayable answers', async () => {
    const dir = tempDir({});
    const saved = join(dir, 'mine.yaml');
    const t = inTerminal(['quiz', '--save', saved], dir);
    try {
      const questions = (
        JSON.parse(run(['quiz', '--questions', '--json']).stdout) as {
          questions: Array<{ id: string; type: string }>;
        }
      ).questions;
      let at = await t.waitFor('Which back office role fits you?');
      for (const [i, q] of questions.entries()) {
        at = await t.waitFor(`Question ${i + 1} of ${questions.length}`, at);
        await new Promise((r) => setTimeout(r, 100));
        if (i === 1) {
          // Go back from question 2 (its last choice), then answer question 1 again.
          await t.press(...Array(10).fill(KEYS.down), KEYS.enter);
          at = await t.waitFor(`Question 1 of ${questions.length}`, at);
          await new Promise((r) => setTimeout(r, 100));
          await t.press(KEYS.enter);
          at = await t.waitFor(`Question 2 of ${questions.length}`, at);
          await new Promise((r) => setTimeout(r, 100));
        }
        if (q.type === 'multi') await t.press(KEYS.space, KEYS.enter);
        else if (q.type === 'rating')
          await t.press(KEYS.down, KEYS.enter); // 3 → 4
        else await t.press(KEYS.enter);
      }
      await t.waitFor('Your best matches', at);
      expect(await t.exited).toBe(0);
      expect(t.screen()).toMatch(/1\. .+ {2}\d+\/100/);
      expect(t.screen()).toContain('careers show ');
      const answers = parse(readFileSync(saved, 'utf8')) as Record<string, unknown>;
      for (const q of questions) {
        expect(answers[q.id]).toEqual(
          q.type === 'multi' ? [expect.any(String)] : q.type === 'rating' ? 4 : expect.any(String),
        );
      }
      const replay = run(['quiz', '--answers', saved]);
      expect(replay.code).toBe(0);
      const shownLive = t.screen().match(/careers show [a-z-]+/g);
      expect(replay.stdout.match(/careers show [a-z-]+/g)).toEqual(shownLive);
    } finally {
      t.kill();
    }
  }, 60_000);

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129], // the terminal closed
  ] as const)(
    '%s while a question is shown: exit %d, the cursor shown again, no trace, no file',
    async (signal, code) => {
      const dir = tempDir({});
      const save = join(dir, `${signal}.yaml`);
      const t = inTerminal(['quiz', '--save', save], dir);
      try {
        const at = await t.waitFor('Question 1 of');
        await new Promise((r) => setTimeout(r, 100));
        // Anchored at the start, the pattern matches the node process only, not `script` or sh.
        const found = spawnSync(
          'pgrep',
          ['-f', `^${process.execPath} ${BIN} quiz --save ${save}$`],
          {
            encoding: 'utf8',
          },
        );
        const pid = Number(found.stdout.trim().split('\n')[0]);
        expect(pid).toBeGreaterThan(0);
        process.kill(pid, signal);
        expect(await t.exited).toBe(code);
        const after = t.screen().slice(at);
        expect(after).toContain('\u001b[?25h');
        expect(after).not.toMatch(/\n\s+at /);
        expect(existsSync(save)).toBe(false);
      } finally {
        t.kill();
      }
    },
    60_000,
  );

  test('Ctrl-C exits 130 with one line, the cursor shown again and no stack trace', async () => {
    const dir = tempDir({});
    const t = inTerminal(['quiz', '--save', join(dir, 'x.yaml')], dir);
    try {
      const at = await t.waitFor('Question 1 of');
      await new Promise((r) => setTimeout(r, 100));
      await t.press(KEYS.ctrlC);
      expect(await t.exited).toBe(130);
      const after = t.screen().slice(at);
      expect(after).toContain('careers: interrupted');
      expect(after).toContain('\u001b[?25h'); // cursor visible again
      expect(after).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    } finally {
      t.kill();
    }
  }, 60_000);

  test('the terminal itself goes away under a prompt: the quiz exits 129, no crash', async () => {
    const dir = tempDir({});
    const status = join(dir, 'status');
    // sh (deaf to the hang-up) records the quiz's exit status; the terminal (script) is then
    // killed outright, which closes the pseudo-terminal under the prompt.
    const t = inTerminal(
      ['--', 'sh', '-c', `trap "" HUP; "$0" "$1" quiz; echo $? > ${status}`, process.execPath, BIN],
      dir,
      true,
    );
    try {
      await t.waitFor('Question 1 of');
      await new Promise((r) => setTimeout(r, 100));
      t.kill();
      const deadline = Date.now() + 15_000;
      while (!existsSync(status) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(readFileSync(status, 'utf8').trim()).toBe('129');
    } finally {
      t.kill();
    }
  }, 60_000);
});
