/**
 * The catalog: every role and metro, with the lookups the commands need.
 * Pure data; built by the loader, read by search, filters and renderers.
 */
import type { Metro, Role, Salary } from './schema.js';

/** A role's names, in the order its search entries list them (core/word-index.ts entryTexts). */
export type NameFields = Pick<
  Role,
  'title' | 'onetTitle' | 'aliases' | 'onetTitles' | 'historicTitles'
>;

/** The name fields of a role, for a pack or a lazy catalog to store apart from the role. */
export function nameFieldsOf(role: Role): NameFields {
  const { title, onetTitle, aliases, onetTitles, historicTitles } = role;
  return onetTitle === undefined
    ? { title, aliases, onetTitles, historicTitles }
    : { title, onetTitle, aliases, onetTitles, historicTitles };
}

/** Roles by id. */
export interface RoleLookup {
  get(id: string): Role | undefined;
  has(id: string): boolean;
  keys(): IterableIterator<string>;
}

export interface Catalog {
  /** Every role, in catalog order. A catalog read lazily loads them all on first use. */
  readonly roles: Role[];
  /** Roles by id; a lazy catalog loads only the role asked for. */
  readonly byId: RoleLookup;
  /** How many roles there are. */
  readonly size: number;
  /** Role ids in catalog order (known without loading the roles). */
  readonly ids: readonly string[];
  /** Role titles in catalog order (known without loading the roles). */
  readonly titles: readonly string[];
  /** The role at a position in catalog order; a lazy catalog loads only that one. */
  role(i: number): Role;
  /** The names of the role at a position; a lazy catalog may read them without the role. */
  nameFields(i: number): NameFields;
  /** For each metro, the titles of the roles whose sources name it without wage figures. */
  readonly namedCities: Map<string, string[]>;
  /**
   * A role's title and headline median (see headlineSalary), by id; a lazy catalog reads no
   * role for it, so a card can name its related roles without loading them.
   */
  brief(id: string): RoleBrief | undefined;
  metros: Metro[];
  metroById: Map<string, Metro>;
  /** Directory the data came from. */
  dataDir: string;
  /**
   * Every string is known to be free of control and escape characters, so renderers need not
   * clean the catalog: true for the built-in data, which the build refuses to compile otherwise.
   */
  textsAreClean: boolean;
}

/** What a role card shows of another role. */
export interface RoleBrief {
  title: string;
  median?: number;
}

/**
 * Whether a city entry is one its sources name as a place with many jobs: a metro with no
 * figures at all (a metro whose wages BLS did not release still has a job count, so is not).
 */
export function namesCity(c: Role['cities'][number]): c is typeof c & { metro: string } {
  return (
    c.metro !== undefined &&
    [c.employment, c.median, c.mean, c.p25, c.p75].every((f) => f === undefined)
  );
}

/** For each metro, the titles of the roles whose sources name it as a place with many jobs. */
export function namedCities(roles: readonly Role[]): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const r of roles) {
    for (const c of r.cities) {
      if (namesCity(c)) named.set(c.metro, [...(named.get(c.metro) ?? []), r.title]);
    }
  }
  return named;
}

/** Builds a catalog with its indexes; roles keep the order given. */
export function makeCatalog(
  roles: Role[],
  metros: Metro[],
  dataDir: string,
  clean = false,
): Catalog {
  const byId = new Map(roles.map((r) => [r.id, r]));
  let ids: string[] | undefined;
  let titles: string[] | undefined;
  let named: Map<string, string[]> | undefined;
  return {
    roles,
    byId,
    size: roles.length,
    get ids() {
      return (ids ??= roles.map((r) => r.id));
    },
    get titles() {
      return (titles ??= roles.map((r) => r.title));
    },
    role: (i) => roles[i] as Role,
    nameFields: (i) => roles[i] as Role,
    get namedCities() {
      return (named ??= namedCities(roles));
    },
    brief: (id) => {
      const r = byId.get(id);
      if (!r) return undefined;
      const median = headlineSalary(r)?.median;
      return median === undefined ? { title: r.title } : { title: r.title, median };
    },
    metros,
    metroById: new Map(metros.map((m) => [m.id, m])),
    dataDir,
    textsAreClean: clean,
  };
}

/** How a lazy catalog reads what it is asked for; each is called at most once, except load. */
export interface RoleSource {
  /** How many roles there are. */
  size: number;
  ids(): string[];
  titles(): string[];
  namedCities(): Map<string, string[]>;
  /** Each role's headline median (null when it has none), in catalog order. */
  medians(): Array<number | null>;
  /** Reads the role at a position. */
  load(i: number): Role;
  /** Reads every role, in order (faster than one at a time). */
  loadAll(): Role[];
  /** Reads the names of the role at a position, if they are stored apart (else load is used). */
  nameFields?(i: number): NameFields;
}

/**
 * A catalog whose roles are read only when asked for: searching or showing one role in a big
 * cached catalog reads a few roles, not all of them. Each role is read once.
 */
export function lazyCatalog(
  source: RoleSource,
  metros: Metro[],
  dataDir: string,
  clean = false,
): Catalog {
  const loaded: Array<Role | undefined> = new Array<Role | undefined>(source.size);
  let all: Role[] | undefined;
  let ids: string[] | undefined;
  let titles: string[] | undefined;
  let named: Map<string, string[]> | undefined;
  let positions: Map<string, number> | undefined;
  let medians: Array<number | null> | undefined;
  const position = () => (positions ??= new Map((ids ??= source.ids()).map((id, i) => [id, i])));
  const role = (i: number): Role => {
    if (i < 0 || i >= loaded.length) throw new RangeError(`no role at position ${i}`);
    return (loaded[i] ??= source.load(i));
  };
  const byId: RoleLookup = {
    get: (id) => {
      const i = position().get(id);
      return i === undefined ? undefined : role(i);
    },
    has: (id) => position().has(id),
    keys: () => position().keys(),
  };
  return {
    get roles() {
      if (!all) {
        const fresh = source.loadAll();
        all = fresh.map((r, i) => (loaded[i] ??= r));
      }
      return all;
    },
    byId,
    size: source.size,
    get ids() {
      return (ids ??= source.ids());
    },
    get titles() {
      return (titles ??= source.titles());
    },
    role,
    nameFields: (i) => loaded[i] ?? source.nameFields?.(i) ?? role(i),
    get namedCities() {
      return (named ??= source.namedCities());
    },
    brief: (id) => {
      const i = position().get(id);
      if (i === undefined) return undefined;
      const title = (titles ??= source.titles())[i] as string;
      const median = (medians ??= source.medians())[i];
      return median === null || median === undefined ? { title } : { title, median };
    },
    metros,
    metroById: new Map(metros.map((m) => [m.id, m])),
    dataDir,
    textsAreClean: clean,
  };
}

/** The salary entry used as a role's headline figure: the first one with a median. */
export function headlineSalary(role: Role): Salary | undefined {
  return role.salary.find((s) => s.median !== undefined);
}

/** The latest price parity of a metro (value and year), if the data has one. */
export function latestRpp(metro: Metro): { year: number; value: number } | undefined {
  return [...metro.rpp].sort((a, b) => b.year - a.year)[0];
}

/**
 * Orders text case-insensitively by code point. Used instead of localeCompare, whose first call
 * loads the ICU collator (about 10 ms of every run); our strings are English titles and ids.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
