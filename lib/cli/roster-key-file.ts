/**
 * The school's roster key, kept in a file between builds so that next term's policy uses the same key.
 * The key is never printed. (It is not a secret from the laptops: it travels inside the hashed policy,
 * because the device must compute the same hashes. Keeping it stable keeps term-to-term changes small.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeRosterKey } from '../engine/names/keys';
import { newRosterKey } from '../policy/hash-policy';

export type KeyFileResult = { key: string; isNew: boolean } | { error: string };

/** The key in `path`, or a new one when there is no such file (saved only by `saveRosterKey`). */
export function readOrMakeRosterKey(path: string): KeyFileResult {
  if (existsSync(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8').trim();
    } catch (e) {
      return { error: `${path}: cannot read the roster key file: ${(e as Error).message}.` };
    }
    try {
      if (decodeRosterKey(text).length < 16) throw new Error('too short');
    } catch {
      return { error: `${path}: this is not a roster key (expected the one line of base64url text that "policy build --hash" saved).` };
    }
    return { key: text, isNew: false };
  }
  return { key: newRosterKey(), isNew: true };
}

/** Readable by its owner only: it is the school's, even though it also travels in the policy. */
export function saveRosterKey(path: string, key: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, key + '\n', { mode: 0o600 });
}
