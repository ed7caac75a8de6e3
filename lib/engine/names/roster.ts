/**
 * One roster person as keys. A plain name is split into words and keyed here; a hashed name arrives
 * already keyed. `hashName` is also what the hashing tool writes, so both forms carry the same keys.
 */
import type { HashedName, HashedToken, Person } from '../../policy/schema';
import { tokenise } from '../tokenise';
import { deletions, FUZZY_MIN_LENGTH, truncateKey, type KeyFn } from './keys';

export interface KeyedWord {
  key: string;
  /** Keys of the word with one letter removed; empty for short words. */
  dels: string[];
}

export interface KeyedName {
  first: KeyedWord;
  last?: KeyedWord;
  middle: KeyedWord[];
  /** Keys of the first letters of the first name and surname. */
  firstInitial?: string;
  lastInitial?: string;
  joined: string[];
  aliases: KeyedWord[][];
}

/** Plain ASCII letters and digits: the tokeniser's folding of such a word is its lower case. */
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/** One written word folded as the tokeniser folds it, its tokens run together. */
function foldWord(w: string): string {
  return PLAIN_WORD.test(w) ? w.toLowerCase() : tokenise(w).map((t) => t.norm).join('');
}

/** A name of plain ASCII words and single spaces, most of a roster: its folded words are its lower-case words. */
const PLAIN_NAME = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** A written name as folded words: "Mary-Jane O'Brien" → ["maryjane", "obrien"]. */
export function nameWords(name: string): string[] {
  if (PLAIN_NAME.test(name)) return name.toLowerCase().split(' ');
  return name
    .split(/[\s,]+/u)
    .map(foldWord)
    .filter((w) => w.length > 0);
}

/**
 * Keys folded words, each distinct word once: a roster of 10,000 has only a few thousand distinct
 * name words, and their deletion keys are most of the work. The same word gives the same object, so
 * the name index can skip words it has already taken in.
 */
export function wordKeyer(key: KeyFn): (word: string) => KeyedWord {
  const seen = new Map<string, KeyedWord>();
  return (word) => {
    let k = seen.get(word);
    if (!k) seen.set(word, (k = { key: key(word), dels: word.length >= FUZZY_MIN_LENGTH ? deletions(word).map(key) : [] }));
    return k;
  };
}

function hashedToken(word: KeyedWord): HashedToken {
  return word.dels.length ? { k: word.key, d: word.dels } : { k: word.key };
}

/**
 * A hyphenated first name or surname is often written with a space ("Poppy Mai Hartley" for
 * Poppy-Mai Hartley, "Jack Smith Jones"), and a hyphenated first name shortened to its first part
 * ("Poppy Hartley"). These are kept as extra multi-word aliases of the name.
 */
export function hyphenForms(name: string): string[] {
  const parts = name.split(/[\s,]+/u).filter((w) => w);
  if (parts.length < 2 || !parts.some((w) => /[-‐‑]/u.test(w))) return [];
  const split = parts.map((w) => w.replace(/[-‐‑]+/gu, ' ')).join(' ');
  const out = [split];
  const [first, ...rest] = parts;
  if (/[-‐‑]/u.test(first)) out.push([first.split(/[-‐‑]/u)[0], ...rest].join(' '));
  return out;
}

const HYPHEN = /[-‐‑]/u;

/**
 * Keys for a plain name, or undefined when the name has no letters at all. `keyWord` may be shared
 * by every name of a compile (see `wordKeyer`).
 */
export function keyName(name: string, aliases: readonly string[] | undefined, key: KeyFn, keyWord = wordKeyer(key)): KeyedName | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const joined = last ? [key(words.join('')), ...(words.length > 2 ? [key(first + last)] : [])] : [];
  // Most names have no aliases and no hyphen: skip building the empty alias list.
  const extra = HYPHEN.test(name) ? hyphenForms(name) : [];
  const written = aliases?.length ? [...aliases, ...extra] : extra;
  return {
    first: keyWord(first),
    last: last ? keyWord(last) : undefined,
    middle: words.length > 2 ? words.slice(1, -1).map(keyWord) : [],
    firstInitial: key(first[0]),
    lastInitial: last ? key(last[0]) : undefined,
    joined,
    aliases: written.length ? written.map((a) => nameWords(a).map(keyWord)).filter((a) => a.length > 0) : [],
  };
}

// A first-scheme entry's keys have 96 bits; the engine compares their first 48 (see keys.ts).
function fromHashedToken(t: HashedToken): KeyedWord {
  return { key: truncateKey(t.k), dels: (t.d ?? []).map(truncateKey) };
}

export function fromHashedName(h: HashedName): KeyedName {
  const initial = (k: string | undefined) => (k === undefined ? undefined : truncateKey(k));
  return {
    first: fromHashedToken(h.first),
    last: h.last ? fromHashedToken(h.last) : undefined,
    middle: (h.middle ?? []).map(fromHashedToken),
    firstInitial: initial(h.initials?.[0]),
    lastInitial: initial(h.initials?.[1]),
    joined: (h.joined ?? []).map(truncateKey),
    aliases: (h.aliases ?? []).map((a) => a.map(fromHashedToken)),
  };
}

/** The first scheme's hashed form of a plain person (per entry), for the policy file. */
export function hashName(name: string, aliases: readonly string[] | undefined, key: KeyFn): HashedName | undefined {
  const k = keyName(name, aliases, key);
  if (!k) return undefined;
  const out: HashedName = { first: hashedToken(k.first) };
  if (k.last) out.last = hashedToken(k.last);
  if (k.middle.length) out.middle = k.middle.map(hashedToken);
  out.initials = k.lastInitial ? [k.firstInitial!, k.lastInitial] : [k.firstInitial!];
  if (k.joined.length) out.joined = k.joined;
  if (k.aliases.length) out.aliases = k.aliases.map((a) => a.map(hashedToken));
  return out;
}

export function keyPerson(p: Person, key: KeyFn, keyWord = wordKeyer(key)): KeyedName | undefined {
  if (p.hashed) return fromHashedName(p.hashed);
  return p.name !== undefined ? keyName(p.name, p.aliases, key, keyWord) : undefined;
}
