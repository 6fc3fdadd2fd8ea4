/**
 * Packs: one file holding a validated catalog (metros, synonyms, career steps, every role) and
 * its search index, laid out so that a run reads only what it uses. The built-in data is packed
 * at build time (dist/data.pack) and every --data cache entry is a pack (store/cache.ts).
 *
 * Layout: the magic "careers-pack", the format version, the header's length and CRC-32 (u32
 * each), the header as JSON (the key, the small data, and where each section lies), then the
 * sections, 4-byte aligned: the word and stem lists as text and as tries (core/word-trie.ts),
 * and tables of lists (u32 numbers, or one role's JSON, or its names), each list with its own
 * CRC-32. A role or a word's roles are read with
 * one positioned read when first needed, and checked.
 *
 * Reading: a file that is missing, not a pack, of another format version or byte order, of the
 * wrong size or key, or whose header fails its checksum is no pack (undefined): the caller
 * rebuilds it. Everything else is read when first used, and a section or list that fails its
 * checksum then is a PackError (the cache removes such an entry: the next run rebuilds it).
 *
 * (Over 400 lines on purpose: the writer and the reader of one binary layout live in one file,
 * so a change to one is made next to the other.)
 */
import { closeSync, fstatSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { IoError } from '../errors.js';
import { openRegularFile } from '../io/safe-fs.js';
import { lazyCatalog, type Catalog, type NameFields } from '../model/catalog.js';
import { encodeRoles, type EncodedRoles } from './encoded.js';
import { typoLists } from '../core/search/typos.js';
import { bridgeFromBuckets, encodeBridge, type Bridge, type BridgeData } from '../core/bridge.js';
import type { Occupation } from '../core/scope.js';
import {
  buildWordIndex,
  wordIndexOf,
  type FlatLists,
  type Lists,
  type WordIndex,
  type WordIndexData,
} from '../core/word-index.js';
import type { WordLists } from '../core/word-merge.js';
import { trieBytes, trieFromBytes, trieOf, type WordTrie } from '../core/word-trie.js';
import type { Metro, Role } from '../model/schema.js';
import type { Synonyms } from '../data/synonyms.js';
import type { Step, Top } from '../data/career-steps.js';
import type { Quiz } from '../model/quiz-schema.js';

const MAGIC = 'careers-pack';
/** Bumped whenever the layout changes; a pack of another version is ignored. */
export const PACK_FORMAT = 11;
/** Magic, format, header length, header checksum. */
const PREAMBLE = MAGIC.length + 12;
/**
 * A table of numbers whose lists take at most this many bytes is read whole when first used
 * (one read, one checksum); a bigger one, and the roles, a list at a time, each list checked on
 * its own.
 */
const WHOLE_TABLE_BYTES = 64 * 1024;

/** What goes into a pack. */
export interface PackContents {
  /** What the pack was made from; a reader asking for another key gets no pack. */
  key: string;
  /** The roles: as objects, or already encoded (a big --data load keeps no role objects). */
  roles: Role[] | EncodedRoles;
  metros: Metro[];
  synonyms: Synonyms;
  steps: Step[];
  /** Roles stated as the top of their ladder (paths.yaml `tops`); none when left out. */
  tops?: Top[];
  /** The word tables, when already built (else the writer builds them). */
  words?: WordIndexData;
  /**
   * Each word's typo look-alikes (search.ts typoLists), when already made (else the writer makes
   * them); false stores none, and search then finds a query word's look-alikes when asked (the
   * same lists: a --data cache entry, which would otherwise spend most of a first load on them).
   */
  typos?: number[][] | false;
  /** The validated quiz, for the built-in data (a --data cache entry holds none). */
  quiz?: Quiz;
  /**
   * For a --data cache entry: each role file (its path and its signature, see store/cache.ts),
   * with how many roles it gave, in role order; and the code they were validated by. A later
   * load of the changed directory takes the roles of unchanged files from here.
   */
  files?: FileRecord[];
  code?: string;
  /** The WordNet bridge table, for the built-in data (core/bridge.ts). */
  bridge?: BridgeData;
  /** The O*NET occupations the catalogue lacks (core/scope.ts), for the built-in data. */
  outside?: Occupation[];
}

/** A role file a pack's roles came from. */
export interface FileRecord {
  file: string;
  sig: string;
  roles: number;
}

/** The small data kept in the header, parsed whole on every read. */
interface Meta {
  metros: Metro[];
  synonyms: Synonyms;
  steps: Step[];
  tops: Top[];
  /** How many roles there are. */
  roles: number;
}

interface Section {
  /** Offset from the end of the header. */
  at: number;
  bytes: number;
  crc: number;
}

interface Header {
  key: string;
  /** What the roles were validated by (PackContents.code), if recorded. */
  code?: string;
  endian: string;
  /** Size of the whole file in bytes. */
  size: number;
  meta: Meta;
  sections: Record<string, Section>;
}

/** Tables of lists in a pack; each is three sections: name:start, name:crc and name:items. */
type TableName =
  | 'stemWords'
  | 'wordRoles'
  | 'namedRoles'
  | 'wordEntries'
  | 'typos'
  | 'names'
  | 'roles'
  | 'nameFields'
  | 'bridge';

/** A list of a pack failed its checksum or could not be read. */
export class PackError extends IoError {}

/** A pack, read: its small data at once, its roles and word tables when used. */
export interface Pack {
  key: string;
  metros: Metro[];
  synonyms: Synonyms;
  steps: Step[];
  tops: Top[];
  /**
   * The catalog, reading each role when first asked for; `clean` when its texts are known to
   * hold no control characters (see Catalog.textsAreClean).
   */
  catalog(dataDir: string, clean?: boolean): Catalog;
  /**
   * Reads role i, not kept, with its JSON bytes (checked): for a load that takes a few files'
   * roles from an older entry and keeps their bytes as they are.
   */
  readRole(i: number): { role: Role; bytes: Uint8Array };
  /** The word lists whole, each table with one read (for a load that merges them). */
  wordLists(): WordLists;
  /** The search word tables, reading each list when first needed. */
  words: WordIndex;
  /** The role-names table (see core/word-index.ts buildNameIndex). */
  names: Lists;
  /** The validated quiz, read when asked for; undefined when the pack holds none. */
  quiz(): Quiz | undefined;
  /** PackContents.code, if recorded. */
  code?: string;
  /** The role files the roles came from, in order, if recorded (read when asked for). */
  files(): FileRecord[] | undefined;
  /** The WordNet bridge, read a bucket at a time; undefined when the pack holds none. */
  bridge?: Bridge;
  /** The O*NET occupations the catalogue lacks, read when asked for; undefined if not held. */
  outside(): Occupation[] | undefined;
}

function u32Bytes(a: Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The chunks of a pack file, in order. */
export function packChunks(contents: PackContents): Uint8Array[] {
  const roles = Array.isArray(contents.roles) ? encodeRoles(contents.roles) : contents.roles;
  const words =
    contents.words ?? (Array.isArray(contents.roles) ? buildWordIndex(contents.roles) : undefined);
  if (!words) throw new TypeError('packChunks: encoded roles need their word tables');
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const sections: Record<string, Section> = {};
  let offset = 0;
  // A section is written as the chunks given, in order (a table's lists are not copied).
  const add = (name: string, parts: Uint8Array[]) => {
    let bytes = 0;
    let crc = 0;
    for (const part of parts) {
      bytes += part.byteLength;
      // Skipping empty parts also dodges Node 20's crc32, which returns 0 for some of them.
      if (part.byteLength > 0) crc = crc32(part, crc);
      chunks.push(part);
    }
    sections[name] = { at: offset, bytes, crc };
    offset += bytes;
    const pad = (4 - (offset % 4)) % 4;
    if (pad) {
      chunks.push(new Uint8Array(pad));
      offset += pad;
    }
  };
  const addTable = (name: TableName, lists: Uint8Array[]) => {
    const start = new Uint32Array(lists.length + 1);
    const crcs = new Uint32Array(lists.length);
    let total = 0;
    lists.forEach((l, i) => {
      total += l.byteLength;
      if (total > 0xffffffff) throw new RangeError(`pack table ${name} over 4 GiB`);
      start[i + 1] = total;
      crcs[i] = crc32(l);
    });
    add(`${name}:start`, [u32Bytes(start)]);
    add(`${name}:crc`, [u32Bytes(crcs)]);
    add(`${name}:items`, lists);
  };
  const splitFlat = (flat: FlatLists) =>
    Array.from({ length: flat.start.length - 1 }, (_, i) =>
      u32Bytes(flat.items.subarray(flat.start[i], flat.start[i + 1])),
    );
  add('words', [encoder.encode(words.words.join('\n'))]);
  add('stems', [encoder.encode(words.stems.join('\n'))]);
  add('wordTrie', trieBytes(trieOf(words.words)));
  add('stemTrie', trieBytes(trieOf(words.stems)));
  addTable('stemWords', splitFlat(words.stemWords));
  addTable('wordRoles', splitFlat(words.wordRoles));
  addTable('namedRoles', splitFlat(words.namedRoles));
  addTable('wordEntries', splitFlat(words.wordEntries));
  if (contents.typos !== false)
    addTable(
      'typos',
      (contents.typos ?? typoLists(wordIndexOf(words))).map((l) => u32Bytes(Uint32Array.from(l))),
    );
  addTable('names', splitFlat(roles.names));
  addTable('roles', roles.bytes);
  addTable('nameFields', roles.nameBytes);

  // Read only by the commands that need them (show, the name resolver).
  add('ids', [encoder.encode(JSON.stringify(roles.ids))]);
  add('titles', [encoder.encode(JSON.stringify(roles.titles))]);
  add('namedCities', [encoder.encode(JSON.stringify([...roles.namedCities]))]);
  add('medians', [encoder.encode(JSON.stringify(roles.medians))]);
  if (contents.quiz) add('quiz', [encoder.encode(JSON.stringify(contents.quiz))]);
  if (contents.files) add('files', [encoder.encode(JSON.stringify(contents.files))]);
  if (contents.outside)
    add('outside', [
      encoder.encode(JSON.stringify(contents.outside.map((o) => [o.code, o.title]))),
    ]);
  if (contents.bridge) {
    const { vocabulary, buckets } = encodeBridge(contents.bridge);
    add('bridgeVocab', [encoder.encode(vocabulary.join('\n'))]);
    addTable(
      'bridge',
      buckets.map((b) => encoder.encode(b)),
    );
  }
  const meta: Meta = {
    metros: contents.metros,
    synonyms: contents.synonyms,
    steps: contents.steps,
    tops: contents.tops ?? [],
    roles: roles.bytes.length,
  };
  const headerFor = (size: number) =>
    encoder.encode(
      JSON.stringify({
        key: contents.key,
        code: contents.code,
        endian: endianness(),
        size,
        meta,
        sections,
      } satisfies Header),
    );
  // The header holds the file size, which depends on the header's own length: settle it.
  const padded = (bytes: number) => bytes + ((4 - ((PREAMBLE + bytes) % 4)) % 4);
  let header = headerFor(0);
  let size = 0;
  while (size !== PREAMBLE + padded(header.byteLength) + offset) {
    size = PREAMBLE + padded(header.byteLength) + offset;
    header = headerFor(size);
  }
  const headerPad = padded(header.byteLength) - header.byteLength;
  const preamble = new Uint8Array(PREAMBLE);
  preamble.set(encoder.encode(MAGIC));
  const view = new DataView(preamble.buffer);
  view.setUint32(MAGIC.length, PACK_FORMAT, true);
  view.setUint32(MAGIC.length + 4, header.byteLength + headerPad, true);
  const paddedHeader = new Uint8Array(header.byteLength + headerPad).fill(0x20);
  paddedHeader.set(header);
  view.setUint32(MAGIC.length + 8, crc32(paddedHeader), true);
  return [preamble, paddedHeader, ...chunks];
}

/** Reads exactly `bytes` bytes at a position, or throws. */
function readAt(fd: number, position: number, bytes: number): Uint8Array {
  const buf = new Uint8Array(bytes);
  let done = 0;
  while (done < bytes) {
    const n = readSync(fd, buf, done, bytes - done, position + done);
    if (n === 0) throw new Error('file ends early');
    done += n;
  }
  return buf;
}

function asU32(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** What to say when a list is damaged (the caller may also remove the file). */
export type OnDamage = (file: string) => string[];

/**
 * Opens a pack; undefined when the file is missing or not a sound pack of this key (any key when
 * `key` is undefined; see the top of this file). The file stays open for the rest of the run.
 */
export function readPack(
  file: string,
  key: string | undefined,
  onDamage: OnDamage,
): Pack | undefined {
  let fd: number | undefined;
  try {
    // A regular file only: a FIFO or device in its place would block the open forever.
    fd = openRegularFile(file);
    const head = readAt(fd, 0, PREAMBLE);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    if (decoder.decode(head.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
    const view = new DataView(head.buffer);
    if (view.getUint32(MAGIC.length, true) !== PACK_FORMAT) return undefined;
    const headerBytes = view.getUint32(MAGIC.length + 4, true);
    const raw = readAt(fd, PREAMBLE, headerBytes);
    if (crc32(raw) !== view.getUint32(MAGIC.length + 8, true)) return undefined;
    const header = JSON.parse(decoder.decode(raw)) as Header;
    if ((key !== undefined && header.key !== key) || header.endian !== endianness())
      return undefined;
    if (fstatSync(fd).size !== header.size) return undefined;
    const base = PREAMBLE + headerBytes;
    const open = fd;
    const section = (name: string): Uint8Array => {
      const s = header.sections[name];
      if (!s) throw new Error(`no section ${name}`);
      const bytes = readAt(open, base + s.at, s.bytes);
      if (crc32(bytes) !== s.crc) throw new Error(`section ${name} fails its checksum`);
      return bytes;
    };
    const damaged = (what: string): PackError =>
      new PackError(`${file} is damaged (${what})`, onDamage(file));
    const failed = (err: unknown) => damaged(err instanceof Error ? err.message : String(err));
    const table = (name: TableName) => {
      let index: { start: Uint32Array; crcs: Uint32Array; items?: Uint8Array } | undefined;
      const itemsAt = base + (header.sections[`${name}:items`]?.at ?? 0);
      const locate = () => {
        if (!index) {
          try {
            const small =
              name !== 'roles' &&
              (header.sections[`${name}:items`]?.bytes ?? 0) <= WHOLE_TABLE_BYTES;
            index = {
              start: asU32(section(`${name}:start`)),
              crcs: asU32(section(`${name}:crc`)),
              items: small ? section(`${name}:items`) : undefined,
            };
          } catch (err) {
            throw failed(err);
          }
        }
        return index;
      };
      const bytesOf = (i: number): Uint8Array => {
        const { start, crcs, items } = locate();
        const from = start[i];
        const to = start[i + 1];
        if (from === undefined || to === undefined) throw damaged(`no ${name} list ${i}`);
        if (items) return items.subarray(from, to);
        let bytes: Uint8Array;
        try {
          bytes = readAt(open, itemsAt + from, to - from);
        } catch (err) {
          throw failed(err);
        }
        if (crc32(bytes) !== crcs[i]) throw damaged(`${name} list ${i} fails its checksum`);
        return bytes;
      };
      // Lists read so far: a query reads the same roles' entries once per reading of it.
      const seen = new Map<number, Uint32Array>();
      return {
        bytesOf,
        lists: {
          get count() {
            return locate().start.length - 1;
          },
          get: (i: number) => {
            let list = seen.get(i);
            if (!list) seen.set(i, (list = asU32(bytesOf(i))));
            return list;
          },
        } satisfies Lists,
        /** A table of numbers whole, with one read of its lists (checked as one section). */
        flat: (): FlatLists => {
          let items: Uint8Array;
          try {
            items = section(`${name}:items`);
          } catch (err) {
            throw failed(err);
          }
          return { start: locate().start.map((b) => b >>> 2), items: asU32(items) };
        },
        /** Every list of the table, with one read (for loading all roles). */
        all: (): Uint8Array[] => {
          const { start } = locate();
          let items: Uint8Array;
          try {
            items = locate().items ?? section(`${name}:items`);
          } catch (err) {
            throw failed(err);
          }
          return Array.from({ length: start.length - 1 }, (_, i) =>
            items.subarray(start[i], start[i + 1]),
          );
        },
      };
    };
    const lines = (name: string) => {
      let text: string;
      try {
        text = decoder.decode(section(name));
      } catch (err) {
        throw failed(err);
      }
      return text ? text.split('\n') : [];
    };
    let words: string[] | undefined;
    let stems: string[] | undefined;
    let wordTrie: WordTrie | undefined;
    let stemTrie: WordTrie | undefined;
    const trie = (name: string): WordTrie => {
      try {
        return trieFromBytes(section(name));
      } catch (err) {
        throw failed(err);
      }
    };
    const roles = table('roles');
    const nameFields = table('nameFields');
    const stemWords = table('stemWords');
    const wordRoles = table('wordRoles');
    const namedRoles = table('namedRoles');
    const wordEntries = table('wordEntries');
    const typos = table('typos');
    const parseRole = (bytes: Uint8Array, i: number): Role => {
      try {
        return JSON.parse(decoder.decode(bytes)) as Role;
      } catch {
        throw damaged(`role ${i} is not JSON`);
      }
    };
    const { meta } = header;
    const parsed = <T>(name: string): T => {
      try {
        return JSON.parse(decoder.decode(section(name))) as T;
      } catch (err) {
        throw failed(err);
      }
    };
    const readBridge = (): Bridge => {
      const buckets = table('bridge');
      let vocabulary: string[] | undefined;
      const count = ((header.sections['bridge:start']?.bytes ?? 4) >>> 2) - 1;
      return bridgeFromBuckets(
        count,
        (i) => decoder.decode(buckets.bytesOf(i)),
        () => (vocabulary ??= lines('bridgeVocab')),
      );
    };
    fd = undefined; // kept open: the lists are read from it later
    return {
      key: header.key,
      metros: meta.metros,
      synonyms: meta.synonyms,
      steps: meta.steps,
      tops: meta.tops,
      catalog: (dataDir, clean) =>
        lazyCatalog(
          {
            size: meta.roles,
            ids: () => parsed<string[]>('ids'),
            titles: () => parsed<string[]>('titles'),
            namedCities: () => new Map(parsed<Array<[string, string[]]>>('namedCities')),
            medians: () => parsed<Array<number | null>>('medians'),
            load: (i) => parseRole(roles.bytesOf(i), i),
            loadAll: () => roles.all().map(parseRole),
            nameFields: (i) => {
              const bytes = nameFields.bytesOf(i);
              try {
                return JSON.parse(decoder.decode(bytes)) as NameFields;
              } catch {
                throw damaged(`the names of role ${i} are not JSON`);
              }
            },
          },
          meta.metros,
          dataDir,
          clean,
        ),
      readRole: (i) => {
        const bytes = roles.bytesOf(i);
        return { role: parseRole(bytes, i), bytes };
      },
      wordLists: () => ({
        words: lines('words'),
        wordRoles: wordRoles.flat(),
        namedRoles: namedRoles.flat(),
        wordEntries: wordEntries.flat(),
      }),
      words: {
        get words() {
          return (words ??= lines('words'));
        },
        get stems() {
          return (stems ??= lines('stems'));
        },
        stemWords: stemWords.lists,
        wordRoles: wordRoles.lists,
        namedRoles: namedRoles.lists,
        wordEntries: wordEntries.lists,
        typos: header.sections['typos:start'] ? typos.lists : undefined,
        wordTrie: () => (wordTrie ??= trie('wordTrie')),
        stemTrie: () => (stemTrie ??= trie('stemTrie')),
      },
      names: table('names').lists,
      quiz: () => (header.sections.quiz ? parsed<Quiz>('quiz') : undefined),
      code: header.code,
      files: () => (header.sections.files ? parsed<FileRecord[]>('files') : undefined),
      bridge: header.sections['bridge:start'] ? readBridge() : undefined,
      outside: () =>
        header.sections.outside
          ? parsed<Array<[string, string]>>('outside').map(([code, title]) => ({ code, title }))
          : undefined,
    };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
