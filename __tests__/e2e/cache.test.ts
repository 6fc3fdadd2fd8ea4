/**
 * The cache of user data directories: used when fresh, rebuilt after an edit, ignored when
 * corrupt, replaced rather than piled up; search and show read only the roles they need.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { packChunks, readPack } from '../../src/store/pack.js';
import { cacheKey, entryFile } from '../../src/store/cache.js';
import { BIN, ROOT, roleYaml, run, tempDir } from '../helpers.js';

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

  test('a truncated or foreign entry is ignored and rebuilt', () => {
    const whole = readFileSync(entry());
    writeFileSync(entry(), whole.subarray(0, whole.length >> 1));
    expect(titles()).toEqual(['Alpha Edited', 'Beta']);
    expect(readFileSync(entry())).toEqual(whole);
    // Another directory's entry in this one's place (its key does not match): not served.
    const other = tempDir({ 'roles/c.yaml': roleYaml('gamma-clerk', 'Gamma') });
    expect(run(['--data', other, 'list'], { env }).code).toBe(0);
    const otherEntry = entryFile(env, other);
    writeFileSync(entryFile(env, data), readFileSync(otherEntry));
    rmSync(otherEntry);
    expect(titles()).toEqual(['Alpha Edited', 'Beta']);
    expect(cached().pack?.catalog(data).role(0).title).toBe('Alpha Edited');
  }, 60_000);

  test('editing, adding or removing one file re-reads that file only', () => {
    const debug = { env: { ...env, DEBUG: 'careers' } };
    const load = () => run(['--data', data, 'list', '--json'], debug);
    const counts = (r: { stderr: string }) =>
      /role files parsed: (\d+).*reused: (\d+)/.exec(r.stderr)?.slice(1);
    writeFileSync(join(data, 'roles', 'b.yaml'), roleYaml('beta-clerk', 'Beta Edited'));
    let r = load();
    expect(counts(r)).toEqual(['1', '1']);
    expect(JSON.parse(r.stdout).roles.map((x: { title: string }) => x.title)).toEqual([
      'Alpha Edited',
      'Beta Edited',
    ]);
    writeFileSync(join(data, 'roles', 'c.yaml'), roleYaml('gamma-clerk', 'Gamma'));
    expect(counts(load())).toEqual(['1', '2']);
    rmSync(join(data, 'roles', 'c.yaml'));
    r = load();
    expect(counts(r)).toEqual(['0', '2']);
    expect(JSON.parse(r.stdout).roles).toHaveLength(2);
    // Unchanged: the entry itself, nothing parsed or reused.
    expect(counts(load())).toBeUndefined();
    // Cross-checks still cover reused files: removing the role an unchanged file names is an
    // error, located in that file.
    writeFileSync(join(data, 'roles', 'c.yaml'), roleYaml('gamma-clerk', 'Gamma'));
    writeFileSync(
      join(data, 'roles', 'b.yaml'),
      roleYaml(
        'beta-clerk',
        'Beta',
        'relatedRoles:\n  - { id: gamma-clerk, reason: Next step. }\n',
      ),
    );
    expect(load().code).toBe(0);
    rmSync(join(data, 'roles', 'c.yaml'));
    r = load();
    expect(r.code).toBe(3);
    const problem = /\S*roles\/b\.yaml:\d+:\d+: relatedRoles\.0\.id: no role has id "gamma-clerk"/;
    // Located as a load without the cache locates it.
    const uncached = run(['--data', data, 'list'], { env: { ...env, CAREERS_NO_CACHE: '1' } });
    expect(r.stderr.match(problem)?.[0]).toBe(uncached.stderr.match(problem)?.[0]);
    expect(uncached.stderr).toMatch(problem);
    expect(counts(r)).toEqual(['0', '2']);
    writeFileSync(join(data, 'roles', 'b.yaml'), roleYaml('beta-clerk', 'Beta'));
  }, 60_000);

  test('a re-load indexes only the roles it reads again, and writes the entry a first load would', () => {
    const own = { XDG_CACHE_HOME: tempDir({}) };
    const dir = tempDir(
      Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].map((k) => [
          `roles/${k}.yaml`,
          roleYaml(`${k}-clerk`, `${k} Role`),
        ]),
      ),
    );
    const load = (args: string[], env: Record<string, string>) =>
      run(['--data', dir, ...args], { env: { ...env, DEBUG: 'careers' } });
    const indexed = (r: { stderr: string }) =>
      /reused: (\d+), roles indexed: (\d+)/.exec(r.stderr)?.slice(1);
    expect(indexed(load(['list'], own))).toEqual(['0', '5']);
    /** The entry a first load of the directory as it is now writes (into a cache of its own). */
    const firstLoadEntry = () => {
      const fresh = { XDG_CACHE_HOME: tempDir({}) };
      expect(indexed(load(['list'], fresh))).toEqual([
        '0',
        String(readdirSync(join(dir, 'roles')).length),
      ]);
      return readFileSync(entryFile(fresh, dir));
    };
    // One file edited (a word no role had), one removed, one added.
    writeFileSync(join(dir, 'roles', 'c.yaml'), roleYaml('c-clerk', 'Zorblax Wrangler'));
    let r = load(['search', 'zorblax'], own);
    expect(indexed(r)).toEqual(['4', '1']);
    expect(readFileSync(entryFile(own, dir))).toEqual(firstLoadEntry());
    expect(r.stdout).toContain('Zorblax Wrangler');
    rmSync(join(dir, 'roles', 'b.yaml'));
    writeFileSync(join(dir, 'roles', 'f.yaml'), roleYaml('f-clerk', 'f Role'));
    r = load(['search', 'role'], own);
    expect(indexed(r)).toEqual(['4', '1']);
    expect(readFileSync(entryFile(own, dir))).toEqual(firstLoadEntry());
    // The words of a removed or edited role find it no more.
    const uncached = (args: string[]) =>
      run(['--data', dir, ...args], { env: { ...own, CAREERS_NO_CACHE: '1' } }).stdout;
    for (const q of ['role', 'b role', 'c role', 'zorblax'])
      expect(run(['--data', dir, 'search', q], { env: own }).stdout).toBe(uncached(['search', q]));
  }, 60_000);

  test('two processes loading the same new directory both succeed and leave one valid entry', async () => {
    const fresh = tempDir({});
    const dir = tempDir(
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `roles/r${i}.yaml`,
          roleYaml(`role-${i}`, `Role ${i}`),
        ]),
      ),
    );
    const once = () =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(process.execPath, [BIN, '--data', dir, 'list', '--json'], {
          cwd: ROOT,
          env: { ...process.env, XDG_CACHE_HOME: fresh },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (b) => (out += b));
        child.on('close', (code) => done({ code, out }));
      });
    const results = await Promise.all([once(), once()]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).roles).toHaveLength(40);
    }
    const names = readdirSync(join(fresh, 'careers'));
    expect(names.filter((n) => n.endsWith('.pack'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const pack = readPack(join(fresh, 'careers', names[0] as string), cacheKey(dir), () => []);
    expect(pack?.catalog(dir).roles).toHaveLength(40);
  }, 60_000);

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

describe('worker threads read a big directory ahead of the load', () => {
  // Past MIN_POOL_FILES (store/parse-pool.ts), with a role of several documents, one file the
  // fast path leaves to `yaml` (a tag, valid here) and roles that relate to each other.
  const files: Record<string, string> = {};
  for (let i = 0; i < 240; i++)
    files[`roles/r${String(i).padStart(3, '0')}.yaml`] = roleYaml(
      `role-${i}`,
      `Role ${i}`,
      i > 0 ? `relatedRoles:\n  - { id: role-${i - 1}, reason: the one before }\n` : '',
    );
  files['roles/r100.yaml'] += `---\n${roleYaml('role-100b', 'Role 100 B')}`;
  files['roles/r200.yaml'] = (files['roles/r200.yaml'] as string).replace(
    'summary: A test role.',
    'summary: !!str A test role.',
  );
  const dir = tempDir(files);
  const load = (workers: string, args: string[], where = dir) =>
    run(['--data', where, ...args], {
      env: { XDG_CACHE_HOME: tempDir({}), CAREERS_WORKERS: workers, DEBUG: 'careers' },
    });

  test('the same catalog and answers as one thread', () => {
    const one = load('0', ['list', '--json']);
    const two = load('2', ['list', '--json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).roles).toHaveLength(241);
    expect(one.stderr).toMatch(/role files parsed: 240 .*0 in worker threads/);
    // Every file but the tagged one, which the main thread read with `yaml`.
    expect(two.stderr).toMatch(/role files parsed: 240 \(1 by yaml, 239 in worker threads\)/);
    for (const args of [
      ['search', 'role 17'],
      ['show', 'role-100b'],
      ['similar', 'role-5'],
    ])
      expect(load('2', args).stdout).toBe(load('0', args).stdout);
  }, 120_000);

  test('every problem of a big directory is reported as on one thread, with file, line and column', () => {
    const bad = tempDir({
      ...files,
      'roles/r017.yaml': roleYaml('role-17', 'Role 17').replace(
        'summary: A test role.',
        'summary: 5',
      ),
      'roles/r150.yaml': roleYaml('role-150', 'Role 150') + 'tools: [unclosed\n',
      'roles/r239.yaml': roleYaml(
        'role-239',
        'Role 239',
        'relatedRoles:\n  - { id: nobody, reason: x }\n',
      ),
    });
    const one = load('0', ['list'], bad);
    const two = load('2', ['list'], bad);
    expect(two.code).toBe(3);
    const problems = (stderr: string) => stderr.split('\n').filter((l) => /\.yaml:\d+:\d+/.test(l));
    expect(problems(two.stderr)).toEqual(problems(one.stderr));
    // r151 names role-150, whose file does not parse.
    expect(problems(two.stderr)).toHaveLength(4);
    expect(problems(two.stderr).join('\n')).toMatch(
      /r017\.yaml:4:10: summary: [^]*r150\.yaml:15:1: [^]*r151\.yaml:15:11: [^]*r239\.yaml:\d+:\d+: relatedRoles\.0\.id/,
    );
  }, 120_000);
});
