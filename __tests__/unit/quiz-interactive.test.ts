/**
 * The interactive quiz without a terminal: the flow (skip, back) with a scripted prompter, the
 * whole `careers quiz` command with that prompter injected, and the inquirer prompter itself
 * driven by keypresses through @inquirer/testing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { render } from '@inquirer/testing';
import { parse } from 'yaml';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { loadCatalog } from '../../src/data/roles.js';
import { loadQuiz } from '../../src/data/quiz-loader.js';
import type { Question } from '../../src/model/quiz-schema.js';
import { askQuiz, type QuizPrompter, type Reply } from '../../src/prompts/quiz-flow.js';
import { inquirerPrompter } from '../../src/prompts/quiz-prompts.js';
import { quizCommand } from '../../src/cli/commands/quiz.js';
import { addCommand } from '../../src/cli/command-program.js';
import type { QuizDeps } from '../../src/cli/commands/quiz-run.js';
import { Context, type Io } from '../../src/cli/command-context.js';
import { DataStore } from '../../src/store/data-store.js';
import { reportError } from '../../src/cli/main.js';
import { ExitCode, InterruptedError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const quiz = loadQuiz(catalog);

/** A prompter that replies from a script, keyed by question id, and records what it saw. */
function scripted(script: Record<string, Reply[]>) {
  const seen: string[] = [];
  const said: string[] = [];
  const previous: Record<string, unknown> = {};
  const prompter: QuizPrompter = {
    say: (text) => void said.push(text),
    ask: async (q, progress, prev) => {
      seen.push(`${progress.number}/${progress.total} ${q.id}`);
      if (prev !== undefined) previous[q.id] = prev;
      const reply = script[q.id]?.shift();
      if (!reply) throw new Error(`no scripted reply for ${q.id}`);
      return reply;
    },
  };
  return { prompter, seen, said, previous };
}

/** Replies that a numbers person would give, one per question. */
function numbersPerson(): Record<string, Reply[]> {
  const a = (value: string | string[] | number): Reply[] => [{ action: 'answer', value }];
  const script: Record<string, Reply[]> = {
    day: a('figures'),
    reconcile: a(5),
    spreadsheets: a(5),
    tasks: a(['invoices', 'payroll']),
    tools: a(['spreadsheets', 'accounting']),
  };
  for (const q of quiz.questions) script[q.id] ??= [{ action: 'skip' }];
  return script;
}

describe('askQuiz', () => {
  test('asks every question in order with its progress, and shows the intro first', async () => {
    const { prompter, seen, said } = scripted(numbersPerson());
    const answers = await askQuiz(quiz, prompter);
    expect(said[0]).toContain(quiz.intro);
    expect(seen).toEqual(quiz.questions.map((q, i) => `${i + 1}/${quiz.questions.length} ${q.id}`));
    expect(answers.day).toBe('figures');
    expect(answers.public).toBeNull();
    expect(Object.keys(answers)).toEqual(quiz.questions.map((q) => q.id));
  });

  test('back returns to the previous question with its answer; the new answer wins', async () => {
    const script = numbersPerson();
    script.reconcile = [{ action: 'back' }, { action: 'answer', value: 2 }];
    script.day = [
      { action: 'answer', value: 'people' },
      { action: 'answer', value: 'figures' },
    ];
    const { prompter, seen, previous } = scripted(script);
    const answers = await askQuiz(quiz, prompter);
    expect(seen.slice(0, 4)).toEqual([
      `1/${quiz.questions.length} day`,
      `2/${quiz.questions.length} reconcile`,
      `1/${quiz.questions.length} day`,
      `2/${quiz.questions.length} reconcile`,
    ]);
    expect(previous.day).toBe('people');
    expect(answers.day).toBe('figures');
    expect(answers.reconcile).toBe(2);
  });
});

function memoryIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env: {},
    isTTY: false,
    columns: 100,
  };
}

/** Runs `careers quiz ...args` with the given prompter, as main() would, and returns the code. */
async function runQuiz(args: string[], deps: Partial<QuizDeps>) {
  const io = memoryIo();
  let code: number = ExitCode.ok;
  const program = new Command('careers')
    .option('--json')
    .option('--no-color')
    .option('--data <dir>')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const store = new DataStore();
  await store.load(BUILT_IN_DATA_DIR, {}, () => undefined);
  const quiz = quizCommand({
    interactive: () => true,
    prompter: async () => scripted(numbersPerson()).prompter,
    readStdin: () => new Uint8Array(),
    ...deps,
  });
  addCommand(
    program,
    quiz,
    (cmd) => new Context(io, cmd, store),
    (c) => (code = c),
    [quiz],
  );
  try {
    await program.parseAsync(['node', 'careers', 'quiz', ...args]);
  } catch (err) {
    code = reportError(err, io);
  }
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('careers quiz, interactive, with answers injected', () => {
  test('the result screen shows three roles with score, why, median pay and the show command', async () => {
    const r = await runQuiz([], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Your best matches');
    const entries = r.stdout.split(/\n(?=\d\. )/).slice(1);
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toMatch(/^\d\. .+ {2}\d{1,3}\/100\n/);
      expect(entry).toMatch(/Median pay \$\d{2,3},\d{3} a year/);
      expect(entry).toMatch(/Why:\n +\+\d+\.\d {2}\S/);
      expect(entry).toMatch(/More: careers show [a-z-]+/);
    }
    const ids = [...r.stdout.matchAll(/careers show ([a-z-]+)/g)].map((m) => m[1]);
    expect(
      ids.some((id) => ['bookkeeping-clerk', 'payroll-clerk', 'billing-clerk'].includes(id ?? '')),
    ).toBe(true);
    expect(r.stdout).toContain('How much do you enjoy reconciling numbers');
  });

  test('--save writes the answers, which --answers replays to the same result', async () => {
    const dir = tempDir({});
    const file = join(dir, 'answers.yaml');
    const first = await runQuiz(['--save', file], {});
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`answers saved to ${file}`);
    const saved = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ day: 'figures', reconcile: 5, public: 'skip' });
    const replay = await runQuiz(['--answers', file], { interactive: () => false });
    expect(replay.stdout).toBe(first.stdout);
    const again = await runQuiz(['--save', file], {});
    expect(again.code).toBe(ExitCode.usage);
    expect(again.stderr).toBe(`careers: ${file} already exists; use --force to overwrite it\n`);
    expect((await runQuiz(['--save', file, '--force'], {})).code).toBe(0);
  });

  test('Ctrl-C in a prompt exits 130 with one line and saves nothing', async () => {
    const dir = tempDir({});
    const file = join(dir, 'answers.yaml');
    const r = await runQuiz(['--save', file], {
      prompter: async () => ({
        say: () => undefined,
        ask: async () => {
          throw new InterruptedError('interrupted');
        },
      }),
    });
    expect(r).toEqual({ code: 130, stdout: '', stderr: 'careers: interrupted\n' });
    expect(existsSync(file)).toBe(false);
  });

  test('without a terminal and without --answers: exit 2 with a hint, no prompt loaded', async () => {
    let loaded = false;
    const r = await runQuiz([], {
      interactive: () => false,
      prompter: async () => {
        loaded = true;
        return scripted({}).prompter;
      },
    });
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toMatch(/^careers: .*needs a terminal.*--answers <file>.*\n$/);
    expect(loaded).toBe(false);
  });

  test('--answers - reads stdin', async () => {
    const yaml = readFileSync(
      join(BUILT_IN_DATA_DIR, '..', 'examples', 'quiz-answers.yaml'),
      'utf8',
    );
    const r = await runQuiz(['--answers', '-', '--json'], { readStdin: () => Buffer.from(yaml) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results).toHaveLength(catalog.roles.length);
  });
});

describe('the inquirer prompter, driven by keypresses', () => {
  const question = (id: string) => quiz.questions.find((q) => q.id === id) as Question;
  const ask = (q: Question, number = 2, previous?: string | string[] | number) =>
    render(
      (
        _config: object,
        context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream },
      ) =>
        inquirerPrompter({ input: context?.input, output: context?.output }).ask(
          q,
          { number, total: 14, canGoBack: number > 1 },
          previous,
        ),
      {},
    );

  test('a single choice: progress in the message, arrows and enter pick a choice', async () => {
    const { answer, events, getScreen } = await ask(question('day'));
    expect(getScreen()).toContain('Question 2 of 14: Which of these would you most like');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', value: 'people' });
  });

  test('a rating: labelled ends of the scale, the earlier answer preselected', async () => {
    const { answer, events, getScreen } = await ask(question('reconcile'), 3, 4);
    expect(getScreen()).toContain('5 (very much)');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', value: 4 });
  });

  test('skip and back are choices under the answers', async () => {
    // A fresh rating starts on the middle (3); below 5 come skip, then back.
    const skip = await ask(question('reconcile'));
    for (let i = 0; i < 3; i++) skip.events.keypress('down');
    skip.events.keypress('enter');
    await expect(skip.answer).resolves.toEqual({ action: 'skip' });
    const back = await ask(question('reconcile'));
    for (let i = 0; i < 4; i++) back.events.keypress('down');
    back.events.keypress('enter');
    await expect(back.answer).resolves.toEqual({ action: 'back' });
  });

  test('pick any: space ticks choices; none ticked skips', async () => {
    const { answer, events } = await ask(question('tasks'));
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ action: 'answer', value: ['phones', 'filing'] });
    const none = await ask(question('tasks'));
    none.events.keypress('enter');
    await expect(none.answer).resolves.toEqual({ action: 'skip' });
  });

  test('Ctrl-C becomes an InterruptedError (exit 130)', async () => {
    const { answer, events } = await ask(question('day'));
    events.keypress({ name: 'c', ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
  });
});
