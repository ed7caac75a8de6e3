/**
 * Name keys. Rosters are indexed by key, never by looping over names: a plain roster's key is the
 * folded name word itself; a hashed roster's key is a keyed hash of it (HMAC-SHA-256 with the
 * school's roster key, cut to 48 bits and written as 8 base64url characters). Text is keyed the same
 * way, so matching is identical in both forms.
 *
 * The first scheme ("hmac-sha256-96") kept 96 bits: the first 48 of them are the same bits, so its
 * keys are read by cutting them to their first 8 characters.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export type KeyFn = (folded: string) => string;

export const plainKey: KeyFn = (s) => s;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `length` bytes from `at` as base64url (length a multiple of 3, so no padding). */
function base64url(bytes: Uint8Array, length: number, at = 0): string {
  let out = '';
  for (let i = at; i + 2 < at + length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  return out;
}

/** Bytes of a hash the engine keeps: 48 bits. */
export const KEY_BYTES = 6;
/** Characters of such a key as text (base64url, 6 bytes = 8 characters, no padding). */
export const KEY_CHARS = 8;

/** A key as the engine indexes it, from its bytes (`bytes[at..at+6]`). */
export function keyFromBytes(bytes: Uint8Array, at = 0): string {
  return base64url(bytes, KEY_BYTES, at);
}

/** A first-scheme (96-bit) key cut to the 48 bits the engine compares. */
export function truncateKey(key: string): string {
  return key.length > KEY_CHARS ? key.slice(0, KEY_CHARS) : key;
}

export function decodeRosterKey(key: string): Uint8Array {
  const clean = key.replace(/=+$/, '');
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch === '+' ? '-' : ch === '/' ? '_' : ch);
    if (v < 0) throw new Error('The roster key is not base64url text.');
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 255);
    }
  }
  if (bytes.length < 16) throw new Error('The roster key is too short: it must be at least 16 bytes (22 characters).');
  return Uint8Array.from(bytes);
}

export function encodeRosterKey(bytes: Uint8Array): string {
  const padded = new Uint8Array(Math.ceil(bytes.length / 3) * 3);
  padded.set(bytes);
  return base64url(padded, padded.length).slice(0, Math.ceil((bytes.length * 4) / 3));
}

/** HMAC-SHA-256 of a folded word with the roster key, all 32 bytes (into `out`, which is returned). */
export type HmacFn = (folded: string, out?: Uint8Array) => Uint8Array;

export function rosterHmac(rosterKey: string): HmacFn {
  const base = hmac.create(sha256, decodeRosterKey(rosterKey));
  return (folded, out = new Uint8Array(32)) => {
    const h = base.clone();
    h.update(utf8ToBytes(folded));
    h.digestInto(out);
    h.destroy();
    return out;
  };
}

/**
 * A keyed-hash key function with a bounded cache: while someone types, the same words are checked
 * again and again, and each is hashed only once. `bytes` is 6 for the engine; the first scheme's
 * writer (the options page's per-entry hashes) still asks for 12.
 */
export function hashedKey(rosterKey: string, cacheSize = 20000, bytes = KEY_BYTES): KeyFn {
  const mac = rosterHmac(rosterKey);
  const cache = new Map<string, string>();
  const out = new Uint8Array(32);
  return (folded) => {
    let k = cache.get(folded);
    if (k !== undefined) return k;
    k = base64url(mac(folded, out), bytes);
    if (cache.size >= cacheSize) cache.clear();
    cache.set(folded, k);
    return k;
  };
}

/** Minimum length of a name word before one-letter misspellings of it count. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * Every string with one letter removed (the "deletion neighbourhood" of SymSpell). The first letter
 * is kept: people rarely get it wrong, and "Livia" is not "Olivia".
 */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    if (i > 1 && word[i] === word[i - 1]) continue; // "emmma" → "emma" once, not twice
    out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}
