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

/** A written name as folded words: "Mary-Jane O'Brien" → ["maryjane", "obrien"]. */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s,]+/u)
    .map((w) => tokenise(w).map((t) => t.norm).join(''))
    .filter((w) => w.length > 0);
}

function keyWord(word: string, key: KeyFn): KeyedWord {
  return { key: key(word), dels: word.length >= FUZZY_MIN_LENGTH ? deletions(word).map(key) : [] };
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

/** Keys for a plain name, or undefined when the name has no letters at all. */
export function keyName(name: string, aliases: readonly string[] | undefined, key: KeyFn): KeyedName | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const joined = last ? [key(words.join('')), ...(words.length > 2 ? [key(first + last)] : [])] : [];
  return {
    first: keyWord(first, key),
    last: last ? keyWord(last, key) : undefined,
    middle: words.slice(1, -1).map((w) => keyWord(w, key)),
    firstInitial: key(first[0]),
    lastInitial: last ? key(last[0]) : undefined,
    joined,
    aliases: [...(aliases ?? []), ...hyphenForms(name)].map((a) => nameWords(a).map((w) => keyWord(w, key))).filter((a) => a.length > 0),
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

export function keyPerson(p: Person, key: KeyFn): KeyedName | undefined {
  if (p.hashed) return fromHashedName(p.hashed);
  return p.name !== undefined ? keyName(p.name, p.aliases, key) : undefined;
}
