/**
 * Turning a plain policy into its keyed-hash form: every roster name becomes keys, so that someone
 * reading chrome://policy or the registry on a shared laptop does not see pupils' names.
 *
 * What it answers: casual disclosure (a family member opening chrome://policy, a screenshot, a copy of
 * the policy file left on a share), and comparing rosters across schools (each school has its own key).
 * What it does not: the key travels with the policy, because the device must compute the same hashes,
 * and names are guessable. Someone with the policy file and a list of candidate names can test each
 * guess. Treat the hashed policy as confidential still; hashing is a screen, not a safe.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { encodeRosterKey, hashedKey } from '../engine/names/keys';
import { hashName } from '../engine/names/roster';
import type { Person, Policy, StaffMember } from './schema';

export function newRosterKey(): string {
  return encodeRosterKey(randomBytes(32));
}

export function hashPolicy(policy: Policy, rosterKey: string = newRosterKey()): Policy {
  if (policy.rosterHash && policy.rosterHash.key !== rosterKey) {
    throw new Error('This policy is already hashed with another key; hash the plain policy instead.');
  }
  const key = hashedKey(rosterKey);
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
