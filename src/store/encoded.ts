/**
 * Roles kept as the bytes of their JSON, with the few things about each that a pack or a lazy
 * catalog needs without reading them (id, title, headline median, named cities, names). A first
 * load of a big --data directory adds each role as it is validated and drops the object, so a
 * directory of 10,000 profiles never holds 10,000 role objects at once: the run's catalog reads
 * a role back from its bytes when used, and the cache entry is written from the same bytes.
 */
import {
  headlineSalary,
  lazyCatalog,
  nameFieldsOf,
  namesCity,
  type Catalog,
  type NameFields,
} from '../model/catalog.js';
import type { Metro, Role } from '../model/schema.js';
import { ownString } from '../text.js';
import {
  nameIndexOf,
  roleNames,
  WordIndexBuilder,
  type FlatLists,
  type RoleNames,
} from '../core/word-index.js';

/** Roles as bytes, with what is known of them without parsing (see the top of this file). */
export interface EncodedRoles {
  /** Each role's JSON, UTF-8. */
  bytes: Uint8Array[];
  /** Each role's names (nameFieldsOf) as JSON, UTF-8: what a search hit reads of it. */
  nameBytes: Uint8Array[];
  ids: string[];
  titles: string[];
  /** Each role's headline median (see headlineSalary), null when it has none. */
  medians: Array<number | null>;
  /** For each metro, the titles of the roles whose sources name it (see namedCities). */
  namedCities: Map<string, string[]>;
  /** The role-names table (core/word-index.ts buildNameIndex). */
  names: FlatLists;
}

/** Collects roles as bytes, one at a time; `words` (if given) gets each role too. */
export class RoleEncoder {
  private readonly encoder = new TextEncoder();
  private readonly bytes: Uint8Array[] = [];
  private readonly nameBytes: Uint8Array[] = [];
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly medians: Array<number | null> = [];
  private readonly named = new Map<string, string[]>();
  private readonly names: RoleNames[] = [];

  constructor(readonly words?: WordIndexBuilder) {}

  get size(): number {
    return this.bytes.length;
  }

  /** Adds a role; `bytes`, when given, are its JSON already encoded (as a pack holds it). */
  add(role: Role, bytes?: Uint8Array): void {
    this.bytes.push(bytes ?? this.encoder.encode(JSON.stringify(role)));
    this.nameBytes.push(this.encoder.encode(JSON.stringify(nameFieldsOf(role))));
    // Own copies: the role is dropped, and a string sliced from its file's text would keep
    // that whole text alive (10,000 files: hundreds of MB).
    const title = ownString(role.title);
    this.ids.push(ownString(role.id));
    this.titles.push(title);
    this.medians.push(headlineSalary(role)?.median ?? null);
    for (const c of role.cities) {
      if (namesCity(c)) {
        const list = this.named.get(c.metro);
        if (list) list.push(title);
        else this.named.set(ownString(c.metro), [title]);
      }
    }
    this.names.push(roleNames(role));
    this.words?.add(role);
  }

  /** What was added (call once, after the last role). */
  done(): EncodedRoles {
    return {
      bytes: this.bytes,
      nameBytes: this.nameBytes,
      ids: this.ids,
      titles: this.titles,
      medians: this.medians,
      namedCities: this.named,
      names: nameIndexOf(this.names),
    };
  }
}

/** Encodes roles held in memory (the built-in data at build time, tests). */
export function encodeRoles(roles: readonly Role[]): EncodedRoles {
  const encoder = new RoleEncoder();
  for (const role of roles) encoder.add(role);
  return encoder.done();
}

/** A catalog over encoded roles: each role is parsed from its bytes when first used. */
export function encodedCatalog(roles: EncodedRoles, metros: Metro[], dataDir: string): Catalog {
  const decoder = new TextDecoder();
  const load = (i: number) => JSON.parse(decoder.decode(roles.bytes[i])) as Role;
  const nameFields = (i: number) => JSON.parse(decoder.decode(roles.nameBytes[i])) as NameFields;
  return lazyCatalog(
    {
      size: roles.bytes.length,
      ids: () => roles.ids,
      titles: () => roles.titles,
      namedCities: () => roles.namedCities,
      medians: () => roles.medians,
      load,
      loadAll: () => roles.bytes.map((_, i) => load(i)),
      nameFields,
    },
    metros,
    dataDir,
  );
}
