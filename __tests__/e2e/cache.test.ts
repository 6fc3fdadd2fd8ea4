/**
 * The cache of user data directories: used when fresh, rebuilt after an edit, ignored when corrupt.
 */
import { readdirSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { roleYaml, run, tempDir } from '../helpers.js';

describe('--data cache', () => {
  const cache = tempDir({});
  const env = { XDG_CACHE_HOME: cache };
  const data = tempDir({ 'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha') });
  const titles = () =>
    JSON.parse(run(['--data', data, 'list', '--json'], { env }).stdout).roles.map(
      (r: { title: string }) => r.title,
    );
  const entry = () => join(cache, 'careers', readdirSync(join(cache, 'careers'))[0] as string);

  test('the first run writes a cache entry that later runs read', () => {
    expect(titles()).toEqual(['Alpha']);
    const file = entry();
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    expect(cached.data.roles[0].id).toBe('alpha-clerk');
    // Prove the entry is what the next run reads: change it behind the tool's back.
    cached.data.roles[0].title = 'From the cache';
    writeFileSync(file, JSON.stringify(cached));
    expect(titles()).toEqual(['From the cache']);
  });

  test('editing one data file invalidates the cache', () => {
    writeFileSync(join(data, 'roles', 'a.yaml'), roleYaml('alpha-clerk', 'Alpha Edited'));
    utimesSync(join(data, 'roles', 'a.yaml'), new Date(), new Date(Date.now() + 5000));
    expect(titles()).toEqual(['Alpha Edited']);
  });

  test('a corrupt cache entry is ignored and rebuilt', () => {
    writeFileSync(entry(), '{ not json');
    expect(titles()).toEqual(['Alpha Edited']);
    expect(JSON.parse(readFileSync(entry(), 'utf8')).data.roles[0].title).toBe('Alpha Edited');
  });

  test('invalid data is never cached: the error comes every time', () => {
    const bad = tempDir({
      'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha').replace(
        'summary: A test role.',
        'summary: 5',
      ),
    });
    for (let i = 0; i < 2; i++) expect(run(['--data', bad, 'list'], { env }).code).toBe(3);
  });
});
