/**
 * The cache of user data directories: used when fresh, rebuilt after an edit, ignored when
 * corrupt, replaced rather than piled up; search and show read only the roles they need.
 */
import { readdirSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { packChunks, readPack } from '../../src/store/pack.js';
import { roleYaml, run, tempDir } from '../helpers.js';

describe('--data cache', () => {
  const cache = tempDir({});
  const env = { XDG_CACHE_HOME: cache };
  const data = tempDir({
    'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha'),
    'roles/b.yaml': roleYaml('beta-clerk', 'Beta'),
  });
  const titles = () =>
    JSON.parse(run(['--data', data, 'list', '--json'], { env }).stdout).roles.map(
      (r: { title: string }) => r.title,
    );
  const entries = () => readdirSync(join(cache, 'careers'));
  const entry = () => join(cache, 'careers', entries()[0] as string);
  /** The cache entry as read back (any key). */
  const cached = () => {
    const text = readFileSync(entry()).toString('latin1');
    const key = /"key":"([0-9a-f]+)"/.exec(text)?.[1] ?? '';
    return { key, pack: readPack(entry(), key, () => []) };
  };

  test('the first run writes a cache entry that later runs read', () => {
    expect(titles()).toEqual(['Alpha', 'Beta']);
    expect(entries()).toHaveLength(1);
    const { key, pack } = cached();
    const roles = pack!.catalog(data).roles;
    expect(roles.map((r) => r.id)).toEqual(['alpha-clerk', 'beta-clerk']);
    // Prove the entry is what the next run reads: change it behind the tool's back.
    const changed = roles.map((r) =>
      r.id === 'alpha-clerk' ? { ...r, title: 'From the cache' } : r,
    );
    writeFileSync(
      entry(),
      Buffer.concat(
        packChunks({
          key,
          roles: changed,
          metros: pack!.metros,
          synonyms: pack!.synonyms,
          steps: [],
        }),
      ),
    );
    expect(titles()).toEqual(['Beta', 'From the cache']);
  });

  test('search and show read only the roles they need', () => {
    // Damage Beta's record: runs that never read it still work.
    const bytes = readFileSync(entry());
    const at = bytes.indexOf('{"id":"beta-clerk","title":');
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = 'x'.charCodeAt(0);
    writeFileSync(entry(), bytes);
    expect(run(['--data', data, 'show', 'alpha-clerk'], { env }).stdout).toContain(
      'From the cache',
    );
    expect(run(['--data', data, 'search', 'from the cache'], { env }).code).toBe(0);
    // A run that reads it says so in one line, drops the entry, and the next run rebuilds it.
    const r = run(['--data', data, 'list'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^careers: .*careers\/.*\.pack is damaged/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(entries()).toEqual([]);
    expect(titles()).toEqual(['Alpha', 'Beta']);
  });

  test('editing one data file invalidates the cache, and replaces its entry', () => {
    writeFileSync(join(data, 'roles', 'a.yaml'), roleYaml('alpha-clerk', 'Alpha Edited'));
    utimesSync(join(data, 'roles', 'a.yaml'), new Date(), new Date(Date.now() + 5000));
    expect(titles()).toEqual(['Alpha Edited', 'Beta']);
    expect(entries()).toHaveLength(1);
  });

  test('a corrupt cache entry is ignored and rebuilt', () => {
    writeFileSync(entry(), '{ not json');
    expect(titles()).toEqual(['Alpha Edited', 'Beta']);
    expect(cached().pack?.catalog(data).role(0).title).toBe('Alpha Edited');
  });

  test('invalid data is never cached: the error comes every time', () => {
    const bad = tempDir({
      'roles/a.yaml': roleYaml('alpha-clerk', 'Alpha').replace(
        'summary: A test role.',
        'summary: 5',
      ),
    });
    for (let i = 0; i < 2; i++) expect(run(['--data', bad, 'list'], { env }).code).toBe(3);
    expect(entries()).toHaveLength(1);
  });
});
