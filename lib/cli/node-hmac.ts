/**
 * The roster HMAC through node:crypto: the same bytes as the engine's (@noble/hashes, which also runs
 * in the browser), faster, which matters when a trust's build hashes 100,000 words.
 *
 * HMAC(k, m) = SHA-256((k ⊕ opad) ‖ SHA-256((k ⊕ ipad) ‖ m)) (RFC 2104), as two one-shot native hashes
 * into reused buffers: creating an Hmac object per word costs more than the hashing itself.
 */
import * as crypto from 'node:crypto';
import { decodeRosterKey, type HmacFn } from '../engine/names/keys';

const BLOCK = 64;

export function nodeRosterHmac(rosterKey: string): HmacFn {
  let key: Uint8Array = Buffer.from(decodeRosterKey(rosterKey));
  const oneShot = (crypto as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;
  if (!oneShot) {
    const secret = crypto.createSecretKey(key);
    return (folded, out = new Uint8Array(32)) => {
      out.set(crypto.createHmac('sha256', secret).update(folded, 'utf8').digest());
      return out;
    };
  }
  if (key.length > BLOCK) key = crypto.createHash('sha256').update(key).digest();
  let inner = Buffer.alloc(BLOCK + 256);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  return (folded, out = new Uint8Array(32)) => {
    const need = BLOCK + Buffer.byteLength(folded, 'utf8');
    if (need > inner.length) {
      const bigger = Buffer.alloc(need * 2);
      inner.copy(bigger, 0, 0, BLOCK);
      inner = bigger;
    }
    const length = BLOCK + inner.write(folded, BLOCK, 'utf8');
    oneShot('sha256', inner.subarray(0, length), 'buffer').copy(outer, BLOCK);
    out.set(oneShot('sha256', outer, 'buffer'));
    return out;
  };
}
