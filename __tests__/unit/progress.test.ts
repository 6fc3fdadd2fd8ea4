/**
 * Progress of a slow first load: quiet for a second, then each new step, and how far a long
 * step got every ten seconds.
 */
import { progress } from '../../src/store/data-store.js';

test('a first load says nothing in its first second, then what it does', () => {
  let clock = 0;
  const said: string[] = [];
  const say = progress(
    (t) => said.push(t),
    '/data',
    () => clock,
  );
  say('reading role files', '10 of 900');
  clock = 1500;
  say('reading role files', '400 of 900');
  clock = 9000;
  say('reading role files', '800 of 900');
  say('building the search index');
  clock = 12_000;
  say('building the search index');
  clock = 20_000;
  say('building the search index');
  expect(said).toEqual([
    'careers: reading role files: 400 of 900 (first run on /data; later runs read a cache)…',
    'careers: building the search index…',
    'careers: building the search index…',
  ]);
});
