/**
 * A compiled policy stored as plain data (what storage.session keeps across the worker's restarts)
 * and read back makes exactly the decisions of a fresh compile, for plain and hashed rosters; what
 * cannot be read back (damaged, another version) is refused, never thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, Engine } from '../../../lib/engine/check';
import { restoreCompiled, storeCompiled } from '../../../lib/engine/stored-compile';
import { hashPolicy, hashPolicyPerEntry } from '../../../lib/policy/hash-policy';
import { SURFACES } from '../../../lib/policy/rule-ids';
import type { Policy } from '../../../lib/policy/schema';
import { loadFixturePolicy } from '../helpers';

/** What storage does to a value: JSON in, JSON out. */
const throughStorage = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function restored(policy: Policy): Engine {
  const compiled = createEngine(policy).compiled;
  const stored = storeCompiled(compiled);
  expect(stored).toBeDefined();
  const back = restoreCompiled(policy, throughStorage(stored));
  expect(back).toBeDefined();
  return new Engine(policy, back);
}

const school = loadFixturePolicy();
const quirky: Policy = {
  ...school,
  pupils: [...(school.pupils ?? []), { name: 'Mary-Jane Ellis-Bextor', aliases: ['MJ Ellis', 'Maz'] }, { name: 'Zoë Hartley' }, { name: 'Cher' }, { name: '!!!' }, { name: 'Muhammad Ali Khan Chaudhry' }],
  staff: [...(school.staff ?? []), { name: 'Peter Evans', title: 'Mr', role: 'Teacher' }, { name: 'Ann Evans', title: 'Mrs', role: 'Teacher' }],
  schoolContextTerms: ['forest school', '   '],
  rules: { ...school.rules, confidential: { terms: ['red folder', '...'] } },
};
const POLICIES: [string, Policy][] = [
  ['plain', quirky],
  ['hashed (compact scheme)', hashPolicy(quirky)],
  ['hashed (first scheme, per entry)', hashPolicyPerEntry(quirky)],
];

const names = (quirky.pupils ?? []).concat(quirky.staff ?? []).flatMap((p) => (p.name ?? '').split(/\s+/));
/** One letter dropped from each longer name word: the misspellings the index's deletion tables find. */
const misspelt = names.filter((w) => w.length >= 5).map((w) => w.slice(0, 2) + w.slice(3));
const word = fc.constantFrom(
  ...names, ...misspelt, 'Jack', 'Smith', 'jack_smith', '#JackSmith', 'Olivai', 'Tommy', 'J', 'S.', 'Mrs', 'Mr', 'Ellis-Bextor', 'MJ', 'Maz', 'Zoe', 'Hartly',
  'my', 'class', 'son', 'school', 'today', 'forest', 'red', 'folder', 'Year 6', 'EHCP', '07400 123456', '!', ',', '\n', "'s",
);
const text = fc.oneof(fc.array(word, { maxLength: 16 }).map((ws) => ws.join(' ')), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('a compiled policy read back from storage', () => {
  for (const [label, policy] of POLICIES) {
    it(`finds exactly what a fresh compile finds, on random texts (${label})`, () => {
      const fresh = createEngine(policy);
      const back = restored(policy);
      expect(back.compiled.warnings).toEqual(fresh.compiled.warnings);
      expect(back.compiled.names.size).toBe(fresh.compiled.names.size);
      fc.assert(
        fc.property(text, fc.constantFrom(...SURFACES), (t, surface) => {
          expect(back.inspect(t, { surface, site: 'x' })).toEqual(fresh.inspect(t, { surface, site: 'x' }));
          expect(back.contact(t, t.replace(/\s+/g, '_'))).toEqual(fresh.contact(t, t.replace(/\s+/g, '_')));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('keeps the compile’s warnings (a name with no letters, a term with no words)', () => {
    const back = restored(quirky);
    expect(back.compiled.warnings.join('\n')).toMatch(/pupils\[\d+\] has no letters/);
    expect(back.compiled.warnings.join('\n')).toMatch(/schoolContextTerms\[1\] has no words/);
  });

  it('refuses what is damaged or from another version, without throwing', () => {
    const policy = quirky;
    const good = throughStorage(storeCompiled(createEngine(policy).compiled)!);
    const damaged: unknown[] = [
      undefined,
      null,
      'text',
      42,
      {},
      { ...good, names: { ...good.names, v: good.names.v + 1 } },
      { ...good, names: { ...good.names, full: 42 } },
      { ...good, names: { ...good.names, full: `${good.names.full}\n` } },
      { ...good, names: { ...good.names, full: good.names.full.replace(/ 1(\n|$)/, ' z$1') } },
      { ...good, names: { ...good.names, titled: `${good.names.titled}\nevans sir 2` } },
      { ...good, names: { ...good.names, sequences: 'olivia nickname 1 mae obrien' } },
      { ...good, names: { ...good.names, firstAlone: 'jack' } },
      { ...good, phrases: `${good.phrases}\n999 word` },
      { ...good, tags: 'none' },
      { ...good, warnings: [1] },
      { ...good, names: undefined },
    ];
    for (const d of damaged) expect(restoreCompiled(policy, d)).toBeUndefined();
  });
});
