/**
 * Progress of a slow load: quiet for a second; then on a terminal one bar redrawn in place
 * (files done / total, rate) and erased at the end; elsewhere plain lines at each new step and
 * every ten seconds.
 */
import { progress } from '../../src/store/progress.js';

function run(isTTY: boolean) {
  let clock = 0;
  let text = '';
  const p = progress(
    { write: (t) => (text += t), isTTY, columns: 80 },
    '/data\u001b[31m',
    true,
    () => clock,
  );
  p.step('reading role files');
  p.files(10, 900);
  clock = 1500;
  p.files(400, 900);
  clock = 1550; // within the redraw interval: not drawn
  p.files(401, 900);
  clock = 9000;
  p.files(800, 900);
  p.step('building the search index');
  clock = 20_000;
  p.step('writing the cache');
  p.end();
  return text;
}

test('off a terminal: plain lines, the first naming the directory (cleaned)', () => {
  expect(run(false).split('\n')).toEqual([
    'careers: reading role files: 400 of 900 files (first load of /data; later runs read a cache)…',
    'careers: building the search index…',
    'careers: writing the cache…',
    '',
  ]);
});

test('on a terminal: one line redrawn with a bar and the rate, erased at the end', () => {
  const frames = run(true).split('\r\u001b[2K');
  expect(frames[0]).toBe('');
  expect(frames.slice(1)).toEqual([
    'careers: reading role files [############----------------] 400/900 files, 267/s',
    'careers: reading role files [##########################---] 800/900 files, 89/s',
    'careers: building the search index…',
    'careers: writing the cache…',
    '',
  ]);
});
