import { readFileSync, readdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/files.js';
import { IoError, UsageError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  test('writes a new file and leaves no temp file', () => {
    const dir = tempDir({});
    writeFileAtomic(join(dir, 'out.json'), '{"a":1}\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  test('refuses to overwrite without force and leaves the file byte-identical', () => {
    const dir = tempDir({ 'out.json': 'original' });
    expect(() => writeFileAtomic(join(dir, 'out.json'), 'new')).toThrow(UsageError);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('original');
    writeFileAtomic(join(dir, 'out.json'), 'new', { force: true });
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('new');
  });

  test('never writes through a symlink without force; with force replaces the link, not its target', () => {
    const dir = tempDir({ 'target.txt': 'precious' });
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    expect(() => writeFileAtomic(join(dir, 'link.txt'), 'x')).toThrow(/symbolic link/);
    writeFileAtomic(join(dir, 'link.txt'), 'x', { force: true });
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'link.txt'), 'utf8')).toBe('x');
  });

  test('a missing directory or a directory target is an I/O error', () => {
    const dir = tempDir({ 'sub/keep': '' });
    expect(() => writeFileAtomic(join(dir, 'nope', 'out.json'), 'x')).toThrow(IoError);
    expect(() => writeFileAtomic(join(dir, 'sub'), 'x', { force: true })).toThrow(/is a directory/);
  });

  test('an unwritable directory fails cleanly without leaving a temp file', () => {
    if (process.getuid?.() === 0) return; // root can write anywhere; nothing to prove
    const dir = tempDir({});
    chmodSync(dir, 0o500);
    expect(() => writeFileAtomic(join(dir, 'out.json'), 'x')).toThrow(IoError);
    chmodSync(dir, 0o700);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'ok'), '');
  });
});
