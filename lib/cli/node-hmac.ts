/**
 * The roster HMAC through node:crypto: the same bytes as the engine's (@noble/hashes, which also runs
 * in the browser), about twice as fast, which matters when a trust's build hashes 100,000 words.
 */
import { createHmac, createSecretKey } from 'node:crypto';
import { decodeRosterKey, type HmacFn } from '../engine/names/keys';

export function nodeRosterHmac(rosterKey: string): HmacFn {
  const key = createSecretKey(decodeRosterKey(rosterKey));
  return (folded, out = new Uint8Array(32)) => {
    out.set(createHmac('sha256', key).update(folded, 'utf8').digest());
    return out;
  };
}
