/**
 * The compact hashed roster ("hmac-sha256-48"): packing and unpacking give the name index exactly the
 * keys the plain name gives it; the text carries no name; bad data is refused with its path, never
 * thrown; and the first scheme ("hmac-sha256-96") is still read, giving the same findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { hashedKey, rosterHmac } from '../../../lib/engine/names/keys';
import { base64ToBytes, bytesToBase64, packRosters, unpackRosters } from '../../../lib/engine/names/packed-roster';
import { keyName, type KeyedName } from '../../../lib/engine/names/roster';
import { nodeRosterHmac } from '../../../lib/cli/node-hmac';
import { hashPolicy, hashPolicyPerEntry, rosterSize } from '../../../lib/policy/hash-policy';
import type { Person, Policy } from '../../../lib/policy/schema';
import { validatePolicy } from '../../../lib/policy/validate';

const KEY = 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ';
const PEOPLE: Person[] = [
  { name: 'Jack Smith', aliases: ['Jacko'] },
  { name: 'Olivia Mae O’Brien' },
  { name: 'Mary-Jane Ellis-Bextor', aliases: ['MJ Ellis', 'Maz'] },
  { name: 'Zoë Hartley' },
  { name: 'Cher' },
  { name: 'Muhammad Ali Khan Chaudhry' },
  { name: 'Jack Jones' },
];

/** Keys for comparison: the same sets of keys, whatever the order. */
function normalise(k: KeyedName) {
  const word = (w: { key: string; dels: string[] }) => `${w.key}:${[...w.dels].sort().join(',')}`;
  return {
    first: word(k.first),
    last: k.last ? word(k.last) : undefined,
    middle: k.middle.map((m) => m.key),
    initials: [k.firstInitial, k.lastInitial],
    joined: k.joined,
    aliases: k.aliases.map((a) => a.map((w) => w.key)),
  };
}

describe('packing a roster', () => {
  const key = hashedKey(KEY);
  const packed = packRosters({ pupils: PEOPLE, staff: [{ name: 'Sarah Jones', role: 'Headteacher' }] }, rosterHmac(KEY));

  it('round trip: each person unpacks to the keys their plain name gives (nicknames, middle names, one-word names)', () => {
    const unpacked = unpackRosters({ words: packed.words, ...packed.lists });
    expect(unpacked.ok).toBe(true);
    if (!unpacked.ok) return;
    const got = unpacked.lists.pupils!.map(normalise).map((n) => JSON.stringify(n)).sort();
    const want = PEOPLE.map((p) => keyName(p.name!, p.aliases, key)!)
      .map(normalise)
      // Middle names and nicknames are never looked up with misspellings: they carry no deletions.
      .map((n) => JSON.stringify(n))
      .sort();
    expect(got).toEqual(want);
    expect(unpacked.lists.staff).toHaveLength(1);
    expect(packed.counts).toEqual({ pupils: 7, staff: 1 });
  });

  it('is plain base64 text with no name, no job title and nothing of the order the school gave', () => {
    const text = JSON.stringify(packed);
    for (const word of ['Jack', 'jack', 'Smith', 'smith', 'Olivia', 'Headteacher', 'Zoë', 'zoe']) expect(text).not.toContain(word);
    for (const value of [packed.words, ...Object.values(packed.lists)]) expect(value).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    const reversed = packRosters({ pupils: [...PEOPLE].reverse(), staff: [{ name: 'Sarah Jones' }] }, rosterHmac(KEY));
    expect(reversed.words).toBe(packed.words);
    expect(reversed.lists.pupils).toBe(packed.lists.pupils);
  });

  it('the command line\'s node:crypto HMAC gives the same bytes as the engine\'s', () => {
    const node = nodeRosterHmac(KEY);
    const noble = rosterHmac(KEY);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (word) => {
        expect(Buffer.from(node(word))).toEqual(Buffer.from(noble(word)));
      }),
    );
    // Longer than its reused buffer, then short again.
    for (const word of ['ö'.repeat(400), 'jack', '']) expect(Buffer.from(node(word))).toEqual(Buffer.from(noble(word)));
  });

  it('base64 of large byte arrays joins up whole (no padding between chunks)', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 255);
    const text = bytesToBase64(bytes);
    expect(text).not.toMatch(/=[^=]/);
    expect(Buffer.from(text, 'base64')).toEqual(Buffer.from(bytes));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('counts packed lists for the options page', () => {
    const policy = hashPolicy({ pupils: PEOPLE, staff: [{ name: 'Sarah Jones' }] }, KEY);
    expect(rosterSize(policy, 'pupils')).toBe(7);
    expect(rosterSize(policy, 'staff')).toBe(1);
    expect(rosterSize(policy, 'parents')).toBe(0);
  });
});

describe('bad packed data: refused with its path, never thrown', () => {
  const good = hashPolicy({ schoolName: 'Oakfield', pupils: PEOPLE }, KEY);
  const withHash = (change: Record<string, string | undefined>): Policy => ({ ...good, rosterHash: { ...good.rosterHash!, ...change } });
  const problem = (p: Policy) => validatePolicy(p).issues.filter((i) => i.level === 'error').map((i) => `${i.path}: ${i.message}`);

  it('a good one passes', () => {
    expect(problem(good)).toEqual([]);
  });

  it.each([
    ['not base64', { pupils: 'not base64!' }, /^rosterHash\.pupils: This is not base64 text/],
    ['cut short', { pupils: good.rosterHash!.pupils!.slice(0, 12) }, /^rosterHash\.pupils: Person \d+ stops in the middle/],
    ['a word table cut short', { words: good.rosterHash!.words!.slice(0, 16) }, /^rosterHash\.(words: The word table stops|pupils: Person \d+ points at word)/],
    ['no word table', { words: undefined }, /^rosterHash\.words: Missing/],
    ['flags from a newer version', { pupils: bytesToBase64(Uint8Array.from([0x80, 0, 0])) }, /flags \(128\) this version of Second Look does not know/],
    ['a bad key', { key: 'short' }, /^rosterHash\.key: The roster key is too short/],
  ])('%s', (_label, change, message) => {
    const policy = withHash(change);
    expect(problem(policy).join('\n')).toMatch(message);
    expect(() => createEngine(policy)).not.toThrow();
  });

  it('a first-scheme policy cannot carry packed lists', () => {
    expect(problem(withHash({ scheme: 'hmac-sha256-96' })).join('\n')).toMatch(/need the scheme "hmac-sha256-48"/);
  });
});

describe('the first scheme (hmac-sha256-96) is still read', () => {
  const plain: Policy = { schoolName: 'Oakfield Primary School', pupils: PEOPLE, staff: [{ name: 'Sarah Jones' }] };
  const first = hashPolicyPerEntry(plain, KEY);
  const compact = hashPolicy(plain, KEY);

  it('as written before: an entry per person, 96-bit keys', () => {
    expect(first.rosterHash).toEqual({ scheme: 'hmac-sha256-96', key: KEY });
    expect(first.pupils![0].hashed!.first.k).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(validatePolicy(first).policy).toBeDefined();
  });

  it.each([
    'Well done Jack Smith!',
    'Olivia Mae O’Brien and J Smith',
    '#MaryJaneEllisBextor and Maz',
    'Zoe Hartlee was great', // a misspelling
    'Cher and Mrs Jones',
    'Muhammad Chaudhry',
  ])('the same findings as plain names and the compact scheme: %s', (text) => {
    const decisions = (p: Policy) => createEngine(p).check(text, { surface: 'post' }).map(({ rule, severity, start, end }) => ({ rule, severity, start, end }));
    const expected = decisions(plain);
    expect(expected.length).toBeGreaterThan(0);
    expect(decisions(first)).toEqual(expected);
    expect(decisions(compact)).toEqual(expected);
  });

  it('a personal first-scheme list beside the school\'s compact one, with the same key, matches too', () => {
    const mixed: Policy = { ...compact, parents: hashPolicyPerEntry({ parents: [{ name: 'Paul Smith' }] }, KEY).parents };
    const findings = createEngine(mixed).check('Paul Smith and Jack Smith', { surface: 'post' }).map((f) => f.rule);
    expect(findings).toEqual(expect.arrayContaining(['pupil-mention']));
    expect(createEngine(mixed).compiled.warnings).toEqual([]);
  });
});
