/**
 * Start-up budget: look-ups on the built-in data parse no YAML and check no schema, so they must
 * not even load the yaml or zod packages (or inquirer); a preloaded script that makes requiring
 * them fail proves it (js-yaml, the fast YAML path, too). The same script lets a command that needs them fail loudly, as a control.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir({
  'refuse.cjs': `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(yaml|js-yaml|zod|inquirer)(\\/|$)/.test(request)) throw new Error('refused to load ' + request);
  return load.call(this, request, ...rest);
};`,
});

function refusing(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', join(dir, 'refuse.cjs'), BIN, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', CAREERS_DATA_DIR: '' },
  });
  return { args, code: r.status, stderr: r.stderr };
}

describe('modules loaded on the built-in data', () => {
  test.each([
    [['--version']],
    [['show', 'data entry']],
    [['search', 'acountant']],
    [['search', 'excel', '--json']],
    [['quiz', '--questions']],
    [['quiz', '--questions', '--json']],
  ])('careers %j loads neither yaml, zod nor inquirer', (args) => {
    expect(refusing(args)).toEqual({ args, code: 0, stderr: '' });
  });

  test('control: a command that parses YAML is stopped by the same script', () => {
    const r = refusing(['quiz', '--answers', join(ROOT, 'examples', 'quiz-answers.yaml')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('refused to load yaml');
  });
});
