/**
 * Turning a plain policy into its keyed-hash form: every roster name becomes keys, so that someone
 * reading chrome://policy or the registry on a shared laptop does not see pupils' names.
 *
 * What it answers: casual disclosure (a family member opening chrome://policy, a screenshot, a copy of
 * the policy file left on a share), and comparing rosters across schools (each school has its own key).
 * What it does not: the key travels with the policy, because the device must compute the same hashes,
 * and names are guessable. Someone with the policy file and a list of candidate names can test each
 * guess. Treat the hashed policy as confidential still; hashing is a screen, not a safe.
 *
 * Two schemes. `hashPolicy` writes the compact one ("hmac-sha256-48", lib/engine/names/packed-roster.ts):
 * about a fifth of the first scheme's size, which is what lets a trust's rosters fit the routes IT
 * uses. `hashPolicyPerEntry` writes the first one ("hmac-sha256-96", a hashed entry per person), which
 * the options page still uses for a person's own short lists, because it can forget one entry at a time.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { encodeRosterKey, hashedKey, rosterHmac, type HmacFn } from '../engine/names/keys';
import { PACKED_LISTS, packRosters, unpackRosters, type PackedList } from '../engine/names/packed-roster';
import { hashName } from '../engine/names/roster';
import type { Person, Policy, StaffMember } from './schema';

export function newRosterKey(): string {
  return encodeRosterKey(randomBytes(32));
}

function checkKey(policy: Policy, rosterKey: string): void {
  if (policy.rosterHash && policy.rosterHash.key !== rosterKey) {
    throw new Error('This policy is already hashed with another key; hash the plain policy instead.');
  }
}

/**
 * The compact scheme: rosters move into `rosterHash` (a word table and one packed list each). Staff
 * job titles are left behind: nothing on the device uses them. A name with no letters stays where it
 * was, so the engine can say which entry it ignores. `mac` may be a faster HMAC with the same output.
 */
export function hashPolicy(policy: Policy, rosterKey: string = newRosterKey(), mac?: HmacFn): Policy {
  checkKey(policy, rosterKey);
  if (policy.rosterHash?.scheme === 'hmac-sha256-48') return policy;
  const given: Partial<Record<PackedList, Person[]>> = {};
  for (const list of PACKED_LISTS) if (policy[list]) given[list] = policy[list];
  const packed = packRosters(given, mac ?? rosterHmac(rosterKey));
  const out: Policy = { ...policy };
  for (const list of PACKED_LISTS) {
    delete out[list];
    if (packed.unpackable[list]) out[list] = packed.unpackable[list];
  }
  out.rosterHash = { scheme: 'hmac-sha256-48', key: rosterKey, words: packed.words, ...packed.lists };
  return out;
}

/** The first scheme, entry by entry (the options page's "Keep names hashed"). */
export function hashPolicyPerEntry(policy: Policy, rosterKey: string = newRosterKey()): Policy {
  checkKey(policy, rosterKey);
  const key = hashedKey(rosterKey, 20000, 12);
  const hashList = <T extends Person | StaffMember>(list: T[] | undefined): T[] | undefined =>
    list?.map((p) => {
      if (p.hashed || p.name === undefined) return p;
      const hashed = hashName(p.name, p.aliases, key);
      if (!hashed) return p;
      const { name: _name, aliases: _aliases, ...rest } = p;
      // A staff member's role stays readable: it is a job title, not a name, and shows in admin tools.
      return { ...rest, hashed } as T;
    });
  return {
    ...policy,
    rosterHash: { scheme: 'hmac-sha256-96', key: rosterKey },
    pupils: hashList(policy.pupils),
    staff: hashList(policy.staff),
    formerPupils: hashList(policy.formerPupils),
    parents: hashList(policy.parents),
  };
}

/** Lists a policy carries packed in `rosterHash` (the compact scheme). */
export function packedListsOf(policy: Policy): PackedList[] {
  const h = policy.rosterHash;
  return h ? PACKED_LISTS.filter((l) => typeof h[l] === 'string') : [];
}

const packedCounts = new WeakMap<object, Partial<Record<PackedList, number>>>();

/** How many people a policy's list holds, packed or not (for "12 pupils set by your school"). */
export function rosterSize(policy: Policy | undefined, list: PackedList): number {
  if (!policy) return 0;
  const hash = policy.rosterHash;
  let counts = hash && packedCounts.get(hash);
  if (hash && !counts) {
    const unpacked = unpackRosters(hash);
    counts = unpacked.ok ? Object.fromEntries(PACKED_LISTS.map((l) => [l, unpacked.lists[l]?.length ?? 0])) : {};
    packedCounts.set(hash, counts);
  }
  return (policy[list]?.length ?? 0) + (counts?.[list] ?? 0);
}
