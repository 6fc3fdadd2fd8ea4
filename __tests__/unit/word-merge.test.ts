/**
 * mergeWordIndex: the tables of an edited catalog made from its old tables and the tables of
 * its new and edited roles are exactly the tables built from the whole new catalog.
 */
import fc from 'fast-check';
import { loadCatalog } from '../../src/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import { RoleSchema, type Role } from '../../src/model/schema.js';
import { buildWordIndex, type WordIndexData } from '../../src/core/word-index.js';
import { mergeWordIndex } from '../../src/core/word-merge.js';

const builtIn = loadCatalog(BUILT_IN_DATA_DIR).roles;

/** The tables as plain arrays, to compare. */
function plain(data: WordIndexData) {
  const flat = (f: { start: Uint32Array; items: Uint32Array }) => ({
    start: [...f.start],
    items: [...f.items],
  });
  return {
    words: data.words,
    stems: data.stems,
    stemWords: flat(data.stemWords),
    wordRoles: flat(data.wordRoles),
    namedRoles: flat(data.namedRoles),
    wordEntries: flat(data.wordEntries),
  };
}

/** A role made from another, under a new id, with other words in its title and a task. */
function edited(role: Role, n: number): Role {
  return RoleSchema.parse({
    ...role,
    id: `${role.id}-v${n}`,
    title: `${role.title} Zorblax${n}`,
    tasks: [...role.tasks, `Reconcile the quuxledger number ${n}.`],
  });
}

/**
 * The old catalog, what happens to each of its roles (kept, removed, or replaced by an edited
 * copy) and roles inserted before some of them; returns the merge and the fresh build.
 */
function both(old: Role[], fate: Array<'keep' | 'drop' | 'edit'>, inserts: boolean[]) {
  const next: Role[] = [];
  const oldRole = new Int32Array(old.length).fill(-1);
  const added: Role[] = [];
  const addedRole: number[] = [];
  const add = (role: Role) => {
    addedRole.push(next.length);
    added.push(role);
    next.push(role);
  };
  old.forEach((role, i) => {
    if (inserts[i]) add(edited(role, 1000 + i));
    if (fate[i] === 'keep') {
      oldRole[i] = next.length;
      next.push(role);
    } else if (fate[i] === 'edit') add(edited(role, i));
  });
  const merged = mergeWordIndex(
    buildWordIndex(old),
    oldRole,
    buildWordIndex(added),
    Uint32Array.from(addedRole),
    next.length,
  );
  return [plain(merged), plain(buildWordIndex(next))];
}

describe('mergeWordIndex', () => {
  test('one role edited in the middle of the built-in catalog', () => {
    const fate = builtIn.map((_, i) => (i === 20 ? 'edit' : 'keep') as 'keep' | 'edit');
    const [merged, fresh] = both(builtIn, fate, []);
    expect(merged).toEqual(fresh);
  });

  test('roles removed, edited and inserted anywhere: the same tables as a fresh build', () => {
    const old = builtIn.slice(0, 24);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('keep' as const, 'drop' as const, 'edit' as const), {
          minLength: old.length,
          maxLength: old.length,
        }),
        fc.array(fc.boolean(), { minLength: old.length, maxLength: old.length }),
        (fate, inserts) => {
          const [merged, fresh] = both(old, fate, inserts);
          expect(merged).toEqual(fresh);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('every old role removed, and nothing added', () => {
    const old = builtIn.slice(0, 5);
    const merged = mergeWordIndex(
      buildWordIndex(old),
      new Int32Array(old.length).fill(-1),
      buildWordIndex([]),
      new Uint32Array(0),
      0,
    );
    expect(plain(merged)).toEqual(plain(buildWordIndex([])));
  });

  test('a merge over the word limit fails as the fresh build of the same catalog does', () => {
    const wordy = (id: string, from: number) =>
      RoleSchema.parse({
        ...builtIn[0],
        id,
        summary: Array.from({ length: 25_001 }, (_, i) => `w${from + i}x`).join(' '),
      });
    const [a, b] = [wordy('a', 0), wordy('b', 30_000)];
    const fresh = (() => {
      try {
        buildWordIndex([a, b]);
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(fresh).toMatch(/too big to search/);
    expect(() =>
      mergeWordIndex(
        buildWordIndex([a]),
        Int32Array.of(0),
        buildWordIndex([b]),
        Uint32Array.of(1),
        2,
      ),
    ).toThrow(fresh as string);
  });
});
