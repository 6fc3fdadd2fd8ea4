/**
 * An error no code path expected is a bug: exit 5 (not 4, which means a file problem) and a
 * message that says so and how to report it, with no stack trace unless DEBUG=careers.
 */
import { reportError } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/command-context.js';
import { ExitCode, IoError } from '../../src/errors.js';

function capture(env: NodeJS.ProcessEnv = {}) {
  const err: string[] = [];
  const io: Io = {
    stdout: () => undefined,
    stderr: (s) => void err.push(s),
    env,
    isTTY: false,
    columns: 80,
  };
  return { io, err };
}

test('an unexpected error exits 5 and asks for a bug report, without a stack trace', () => {
  const { io, err } = capture();
  expect(reportError(new TypeError("Cannot read properties of undefined (reading 'x')"), io)).toBe(
    ExitCode.internal,
  );
  expect(ExitCode.internal).toBe(5);
  const text = err.join('');
  expect(text).toMatch(/^careers: internal error: Cannot read properties/);
  expect(text).toContain('This is a bug in careers');
  expect(text).toContain('DEBUG=careers');
  expect(text).not.toMatch(/\n\s+at /);
});

test('with DEBUG=careers the stack trace is printed too', () => {
  const { io, err } = capture({ DEBUG: 'careers' });
  expect(reportError(new Error('boom'), io)).toBe(5);
  expect(err.join('')).toMatch(/\n\s+at /);
});

test('a file problem stays exit 4', () => {
  const { io } = capture();
  expect(reportError(new IoError('cannot read x'), io)).toBe(ExitCode.io);
});
