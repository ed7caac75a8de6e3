/**
 * A compiled name index as a few strings, and back: the background keeps it in session storage so a
 * worker Chrome has stopped can read the index back instead of compiling the roster again. Reading
 * it back is mostly the engine's own string splitting and map building, which costs little even
 * before the JIT has warmed up.
 *
 * Keys are folded name words (letters and digits) or base64url hashes, so spaces and line breaks are
 * free to separate them; an index with any other key is not stored. Group bits are one hex digit.
 * Tables keep their order, so an index read back finds names in the same order as the compiled one.
 */
import { emptyNameTables, type Groups, type NameForm, type NameTables, type TitleClass } from './name-index';

/** Bumped whenever the tables or this format change: an older stored index is then not read. */
export const STORED_INDEX_VERSION = 1;

export interface StoredIndex {
  v: number;
  people: number;
  words: string;
  deletionsOf: string;
  full: string;
  initialSurname: string;
  firstInitial: string;
  titled: string;
  joined: string;
  firstAlone: string;
  sequences: string;
}

const KEY = /^[^\s]+$/u;
const FORMS = new Set<string>(['full', 'initial-surname', 'first-initial', 'joined', 'alias', 'title-surname', 'first']);
const TITLE_CLASSES = new Set<string>(['male', 'female', 'any']);

class NotStorable extends Error {}

function key(k: string): string {
  if (!KEY.test(k)) throw new NotStorable();
  return k;
}

function bits(g: Groups): string {
  if (!Number.isInteger(g) || g < 1 || g > 15) throw new NotStorable();
  return g.toString(16);
}

function cells<K extends string>(map: Map<K, Groups>): string {
  let out = '';
  for (const [k, g] of map) out += ` ${key(k)} ${bits(g)}`;
  return out;
}

function nestedLines<K extends string>(map: Map<string, Map<K, Groups>>): string {
  const lines: string[] = [];
  for (const [outer, inner] of map) lines.push(key(outer) + cells(inner));
  return lines.join('\n');
}

/** The index as strings, or undefined when a key could not be stored this way (it is then compiled each time). */
export function storeNameTables(t: NameTables): StoredIndex | undefined {
  try {
    const deletionsOf: string[] = [];
    for (const [d, ks] of t.deletionsOf) deletionsOf.push([d, ...ks].map(key).join(' '));
    const sequences: string[] = [];
    for (const [first, list] of t.sequences) {
      for (const { seq, form } of list) sequences.push([key(first), form, bits(seq.groups), ...seq.rest.map(key)].join(' '));
    }
    return {
      v: STORED_INDEX_VERSION,
      people: t.people,
      words: [...t.words].map(key).join(' '),
      deletionsOf: deletionsOf.join('\n'),
      full: nestedLines(t.full),
      initialSurname: nestedLines(t.initialSurname),
      firstInitial: nestedLines(t.firstInitial),
      titled: nestedLines(t.titled),
      joined: cells(t.joined).slice(1),
      firstAlone: cells(t.firstAlone).slice(1),
      sequences: sequences.join('\n'),
    };
  } catch (e) {
    if (e instanceof NotStorable) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading back: anything unexpected is an error, and the caller compiles instead.

class Corrupt extends Error {}

/** An empty field or line anywhere: checked once per table rather than field by field. */
const EMPTY_PART = /^[ \n]|[ \n]$|[ \n][ \n]/;

function lines(s: unknown): string[] {
  if (typeof s !== 'string' || EMPTY_PART.test(s)) throw new Corrupt();
  return s === '' ? [] : s.split('\n');
}

const fields = (line: string): string[] => line.split(' ');

const GROUP_OF: Record<string, Groups> = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [(i + 1).toString(16), i + 1]));

function group(s: string): Groups {
  const g = GROUP_OF[s];
  if (g === undefined) throw new Corrupt();
  return g;
}

function readCells<K extends string>(f: string[], from: number, into: Map<K, Groups>, keyOk?: (k: string) => boolean): Map<K, Groups> {
  if ((f.length - from) % 2) throw new Corrupt();
  for (let i = from; i < f.length; i += 2) {
    if (keyOk && !keyOk(f[i])) throw new Corrupt();
    into.set(f[i] as K, group(f[i + 1]));
  }
  return into;
}

function readNested<K extends string>(s: unknown, keyOk?: (k: string) => boolean): Map<string, Map<K, Groups>> {
  const out = new Map<string, Map<K, Groups>>();
  for (const line of lines(s)) {
    const f = fields(line);
    if (f.length < 3) throw new Corrupt();
    out.set(f[0], readCells(f, 1, new Map<K, Groups>(), keyOk));
  }
  return out;
}

function readFlat(s: unknown): Map<string, Groups> {
  const one = lines(s);
  if (one.length > 1) throw new Corrupt();
  return one.length ? readCells(fields(one[0]), 0, new Map()) : new Map();
}

/** The tables of a stored index, or undefined when it is not one this version wrote, or is damaged. */
export function readNameTables(stored: unknown): NameTables | undefined {
  try {
    const s = stored as Partial<StoredIndex> | null;
    if (!s || typeof s !== 'object' || s.v !== STORED_INDEX_VERSION || !Number.isInteger(s.people) || s.people! < 0) return undefined;
    const t = emptyNameTables();
    t.people = s.people!;
    const words = lines(s.words);
    if (words.length > 1) return undefined;
    t.words = new Set(words.length ? fields(words[0]) : []);
    for (const line of lines(s.deletionsOf)) {
      const f = fields(line);
      if (f.length < 2) throw new Corrupt();
      t.deletionsOf.set(f[0], f.slice(1));
    }
    t.full = readNested(s.full);
    t.initialSurname = readNested(s.initialSurname);
    t.firstInitial = readNested(s.firstInitial);
    t.titled = readNested<TitleClass>(s.titled, (k) => TITLE_CLASSES.has(k));
    t.joined = readFlat(s.joined);
    t.firstAlone = readFlat(s.firstAlone);
    for (const line of lines(s.sequences)) {
      const f = fields(line);
      if (f.length < 4 || !FORMS.has(f[1])) throw new Corrupt();
      const list = t.sequences.get(f[0]) ?? [];
      list.push({ seq: { rest: f.slice(3), groups: group(f[2]) }, form: f[1] as NameForm });
      t.sequences.set(f[0], list);
    }
    return t;
  } catch {
    return undefined; // Corrupt, or not even the right shape: never the caller's problem
  }
}
