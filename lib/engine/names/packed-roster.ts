/**
 * The compact hashed roster (scheme "hmac-sha256-48"): every distinct name word hashed once into a
 * word table, and people as small records of indexes into it, all as base64 text so every route
 * (JSON, the registry, XML, plists) carries it as it is.
 *
 * Word table (`rosterHash.words`), one entry per word, most used first:
 *   [n: 1 byte] [the word's 6-byte hash] [n × 6-byte hashes of the word with one letter removed]
 *   (n is 0 for short words and for words only used as middle names or in nicknames, which are never
 *   looked up with misspellings.)
 * People (`rosterHash.pupils`, `.staff`, `.formerPupils`, `.parents`), one record each, in byte order:
 *   flags: 1 byte (1 surname, 2 middle names, 4 nicknames, 8 a man's title, 16 a woman's title;
 *          other bits must be 0)
 *   first name: word index                           indexes are unsigned LEB128 varints
 *   surname: word index                              if flag 1
 *   middle names: count, then word indexes           if flag 2
 *   initial of the first name: word index
 *   initial of the surname: word index               if flag 1
 *   the whole name run together: 6-byte hash         if flag 1
 *   first name and surname run together: 6 bytes     if flags 1 and 2
 *   nicknames: count, then for each a word count and word indexes   if flag 4
 *
 * Packing and unpacking give the name index exactly the keys `keyName` gives it for the plain name,
 * so decisions are the same (tested on random posts).
 */
import type { Person, StaffMember } from '../../policy/schema';
import { deletions, FUZZY_MIN_LENGTH, KEY_BYTES, keyFromBytes, type HmacFn } from './keys';
import { titleClass, type TitleClass } from './name-index';
import { hyphenForms, nameWords, type KeyedName, type KeyedWord } from './roster';

export const PACKED_LISTS = ['pupils', 'staff', 'formerPupils', 'parents'] as const;
export type PackedList = (typeof PACKED_LISTS)[number];

const SURNAME = 1;
const MIDDLE = 2;
const ALIASES = 4;
// A member of staff's title class (Mr… / Mrs, Miss, Ms…), so "Mr Evans" is not a Mrs Evans.
const TITLE_MALE = 8;
const TITLE_FEMALE = 16;
const KNOWN_FLAGS = SURNAME | MIDDLE | ALIASES | TITLE_MALE | TITLE_FEMALE;

// ---------------------------------------------------------------------------------------------
// base64 and bytes

/** Chunks of a multiple of 3 bytes, so the pieces' base64 joins without padding in between. */
const BASE64_CHUNK = 3 * 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) out += btoa(String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK)));
  return out;
}

/** The bytes of base64 text, or undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    while (n >= 0x80) {
      this.byte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.byte(n);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Packing (the hashing tool)

interface PersonWords {
  words: string[];
  aliases: string[][];
  title: TitleClass;
}

/** A keyed name and, for staff, the class of their title. */
export type PackedPerson = KeyedName & { title: TitleClass };

interface WordEntry {
  word: string;
  uses: number;
  fuzzy: boolean;
  hash: Uint8Array;
  index: number;
}

export interface PackedRosters {
  words: string;
  lists: Partial<Record<PackedList, string>>;
  /** People packed per list, and entries left as they were because their name has no letters. */
  counts: Partial<Record<PackedList, number>>;
  unpackable: Partial<Record<PackedList, Person[]>>;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * Packs plain rosters. Entries already hashed in the first scheme, or with no letters in their name,
 * are returned in `unpackable` to be kept as they are.
 */
export function packRosters(lists: Partial<Record<PackedList, readonly (Person | StaffMember)[]>>, mac: HmacFn): PackedRosters {
  const entries = new Map<string, WordEntry>();
  const use = (word: string, fuzzy: boolean) => {
    let e = entries.get(word);
    if (!e) entries.set(word, (e = { word, uses: 0, fuzzy: false, hash: new Uint8Array(0), index: 0 }));
    e.uses++;
    if (fuzzy && word.length >= FUZZY_MIN_LENGTH) e.fuzzy = true;
  };

  const people: Partial<Record<PackedList, PersonWords[]>> = {};
  const unpackable: PackedRosters['unpackable'] = {};
  for (const list of PACKED_LISTS) {
    const given = lists[list];
    if (!given) continue;
    const out: PersonWords[] = (people[list] = []);
    for (const p of given) {
      const words = p.name === undefined || p.hashed ? [] : nameWords(p.name);
      if (words.length === 0) {
        (unpackable[list] ??= []).push(p);
        continue;
      }
      // The same extra aliases keyName adds for hyphenated names, so both schemes match alike.
      const aliases = [...(p.aliases ?? []), ...hyphenForms(p.name!)].map(nameWords).filter((a) => a.length > 0);
      const last = words.length > 1 ? words[words.length - 1] : undefined;
      use(words[0], true);
      use(words[0][0], false);
      if (last) {
        use(last, true);
        use(last[0], false);
      }
      for (const m of words.slice(1, -1)) use(m, false);
      for (const a of aliases) for (const w of a) use(w, false);
      out.push({ words, aliases, title: titleClass((p as StaffMember).title) });
    }
  }

  for (const e of entries.values()) e.hash = mac(e.word).slice(0, KEY_BYTES);
  // Most used first, so the commonest words get one-byte indexes; ties by hash, never by the word.
  const ordered = [...entries.values()].sort((a, b) => b.uses - a.uses || compareBytes(a.hash, b.hash));
  const table = new ByteWriter();
  const scratch = new Uint8Array(32);
  ordered.forEach((e, i) => {
    e.index = i;
    const dels = e.fuzzy ? deletions(e.word) : [];
    table.byte(dels.length);
    table.bytes(e.hash);
    for (const d of dels) table.bytes(mac(d, scratch).subarray(0, KEY_BYTES));
  });

  const idx = (word: string) => entries.get(word)!.index;
  const packed: PackedRosters['lists'] = {};
  const counts: PackedRosters['counts'] = {};
  for (const list of PACKED_LISTS) {
    const persons = people[list];
    if (!persons) continue;
    const records = persons.map(({ words, aliases, title }) => {
      const w = new ByteWriter(32);
      const first = words[0];
      const last = words.length > 1 ? words[words.length - 1] : undefined;
      const middle = words.slice(1, -1);
      w.byte((last ? SURNAME : 0) | (middle.length ? MIDDLE : 0) | (aliases.length ? ALIASES : 0) | (title === 'male' ? TITLE_MALE : title === 'female' ? TITLE_FEMALE : 0));
      w.varint(idx(first));
      if (last) w.varint(idx(last));
      if (middle.length) {
        w.varint(middle.length);
        for (const m of middle) w.varint(idx(m));
      }
      w.varint(idx(first[0]));
      if (last) {
        w.varint(idx(last[0]));
        w.bytes(mac(words.join(''), scratch).subarray(0, KEY_BYTES));
        if (middle.length) w.bytes(mac(first + last, scratch).subarray(0, KEY_BYTES));
      }
      if (aliases.length) {
        w.varint(aliases.length);
        for (const a of aliases) {
          w.varint(a.length);
          for (const x of a) w.varint(idx(x));
        }
      }
      return w.result();
    });
    // In byte order: the file keeps neither the MIS's order (often alphabetical) nor the CSV's.
    records.sort(compareBytes);
    const all = new ByteWriter(records.reduce((n, r) => n + r.length, 0) || 1);
    for (const r of records) all.bytes(r);
    packed[list] = bytesToBase64(all.result());
    counts[list] = records.length;
  }
  return { words: bytesToBase64(table.result()), lists: packed, counts, unpackable };
}

// ---------------------------------------------------------------------------------------------
// Unpacking (the engine, and validation)

export interface PackedProblem {
  /** JSON path, e.g. `rosterHash.pupils`. */
  path: string;
  message: string;
}

export type UnpackedRosters = { ok: true; lists: Partial<Record<PackedList, PackedPerson[]>> } | { ok: false; problem: PackedProblem };

interface PackedInput {
  words?: string;
  pupils?: string;
  staff?: string;
  formerPupils?: string;
  parents?: string;
}

const REBUILD = 'Build the policy again with "policy build --hash" (hashed rosters are never edited by hand).';

function readWords(text: string): KeyedWord[] | string {
  const bytes = base64ToBytes(text);
  if (!bytes) return `This is not base64 text. ${REBUILD}`;
  const words: KeyedWord[] = [];
  let at = 0;
  while (at < bytes.length) {
    const n = bytes[at];
    const end = at + 1 + (n + 1) * KEY_BYTES;
    if (end > bytes.length) return `The word table stops in the middle of word ${words.length + 1}. ${REBUILD}`;
    const key = keyFromBytes(bytes, at + 1);
    const dels: string[] = [];
    for (let i = 0; i < n; i++) dels.push(keyFromBytes(bytes, at + 1 + (i + 1) * KEY_BYTES));
    words.push({ key, dels });
    at = end;
  }
  return words;
}

/** Reads one list's records; a string says what is wrong. */
function readPeople(text: string, words: readonly KeyedWord[]): PackedPerson[] | string {
  const bytes = base64ToBytes(text);
  if (!bytes) return `This is not base64 text. ${REBUILD}`;
  const people: PackedPerson[] = [];
  let at = 0;
  let problem: string | undefined;
  const fail = (why: string) => {
    problem ??= `Person ${people.length + 1} ${why}. ${REBUILD}`;
    return undefined;
  };
  const varint = (): number | undefined => {
    let n = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) return fail('stops in the middle of a number');
      const b = bytes[at++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
    return fail('has a number that is too long');
  };
  const word = (): KeyedWord | undefined => {
    const i = varint();
    if (i === undefined) return undefined;
    if (i >= words.length) return fail(`points at word ${i + 1}, but the word table has ${words.length}`);
    return words[i];
  };
  const hash = (): string | undefined => {
    if (at + KEY_BYTES > bytes.length) return fail('stops in the middle of a hash');
    const k = keyFromBytes(bytes, at);
    at += KEY_BYTES;
    return k;
  };

  while (at < bytes.length && !problem) {
    const flags = bytes[at++];
    if (flags & ~KNOWN_FLAGS) {
      fail(`has flags (${flags}) this version of Second Look does not know; is the extension older than the tool that built the policy?`);
      break;
    }
    const first = word();
    const last = flags & SURNAME ? word() : undefined;
    const middle: KeyedWord[] = [];
    if (flags & MIDDLE) {
      const n = varint() ?? 0;
      for (let i = 0; i < n && !problem; i++) middle.push(word()!);
    }
    const firstInitial = word();
    const lastInitial = flags & SURNAME ? word() : undefined;
    const joined: string[] = [];
    if (flags & SURNAME) {
      joined.push(hash()!);
      if (flags & MIDDLE) joined.push(hash()!);
    }
    const aliases: KeyedWord[][] = [];
    if (flags & ALIASES) {
      const n = varint() ?? 0;
      for (let i = 0; i < n && !problem; i++) {
        const m = varint() ?? 0;
        const alias: KeyedWord[] = [];
        for (let j = 0; j < m && !problem; j++) alias.push(word()!);
        aliases.push(alias);
      }
    }
    if (problem || !first) break;
    const title: TitleClass = flags & TITLE_MALE ? 'male' : flags & TITLE_FEMALE ? 'female' : 'any';
    people.push({ first, last, middle, firstInitial: firstInitial?.key, lastInitial: lastInitial?.key, joined, aliases, title });
  }
  return problem ?? people;
}

/** Every packed list as keyed names for the index, or the first problem found, with its path. */
export function unpackRosters(input: PackedInput): UnpackedRosters {
  const present = PACKED_LISTS.filter((l) => input[l] !== undefined);
  if (!present.length) return { ok: true, lists: {} };
  if (input.words === undefined) {
    return { ok: false, problem: { path: 'rosterHash.words', message: `Missing: the hashed rosters need their word table. ${REBUILD}` } };
  }
  const words = readWords(input.words);
  if (typeof words === 'string') return { ok: false, problem: { path: 'rosterHash.words', message: words } };
  const lists: Partial<Record<PackedList, PackedPerson[]>> = {};
  for (const list of present) {
    const people = readPeople(input[list]!, words);
    if (typeof people === 'string') return { ok: false, problem: { path: `rosterHash.${list}`, message: people } };
    lists[list] = people;
  }
  return { ok: true, lists };
}
