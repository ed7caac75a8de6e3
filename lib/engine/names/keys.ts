/**
 * Name keys. Rosters are indexed by key, never by looping over names: a plain roster's key is the
 * folded name word itself; a hashed roster's key is a keyed hash of it (HMAC-SHA-256 with the
 * school's roster key, cut to 96 bits). Text is keyed the same way, so matching is identical in
 * both forms.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export type KeyFn = (folded: string) => string;

export const plainKey: KeyFn = (s) => s;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i + 2 < length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  return out;
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

/**
 * A keyed-hash key function with a bounded cache: while someone types, the same words are checked
 * again and again, and each is hashed only once.
 */
export function hashedKey(rosterKey: string, cacheSize = 20000): KeyFn {
  const base = hmac.create(sha256, decodeRosterKey(rosterKey));
  const cache = new Map<string, string>();
  const out = new Uint8Array(32);
  return (folded) => {
    let k = cache.get(folded);
    if (k !== undefined) return k;
    const h = base.clone();
    h.update(utf8ToBytes(folded));
    h.digestInto(out);
    h.destroy();
    k = base64url(out, 12);
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
