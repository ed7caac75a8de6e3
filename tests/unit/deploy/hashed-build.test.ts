/**
 * A policy built from the MIS exports makes the same decisions whether its rosters are plain names or
 * keyed hashes (`policy build` vs `policy build --hash`), on hand-picked posts and on random ones made
 * from the exported names: in the compact scheme `policy build --hash` writes, and in the first scheme
 * (an entry per person) that is still read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../lib/engine/check';
import { hashPolicy, hashPolicyPerEntry } from '../../../lib/policy/hash-policy';
import { policyFromFixtures } from './fixture-policy';

const plainPolicy = policyFromFixtures();
const plain = createEngine(plainPolicy);
const KEY = 'c2Vjb25kLWxvb2stdGVzdC1rZXktMDEyMzQ1Njc4OQ';

const decisions = (engine: Engine, text: string) =>
  engine.check(text, { surface: 'post' }).map(({ rule, severity, start, end }) => ({ rule, severity, start, end, words: text.slice(start, end) }));

for (const [scheme, hash] of [['hmac-sha256-48', hashPolicy], ['hmac-sha256-96', hashPolicyPerEntry]] as const) describe(`plain and hashed (${scheme}) policies built from the same CSVs`, () => {
  const hashedPolicy = hash(plainPolicy, KEY);
  const hashed = createEngine(hashedPolicy);

  it('the hashed policy shows no name from the CSVs', () => {
    expect(hashedPolicy.rosterHash!.scheme).toBe(scheme);
    const json = JSON.stringify(hashedPolicy);
    for (const name of ['Thornton', 'Hartley', 'Alfred', 'Okafor', 'Clarke', 'Barker', 'Rahima']) expect(json).not.toContain(name);
    // Job titles are not names: the first scheme kept them readable; the compact one leaves them out,
    // as nothing on the device uses them.
    if (scheme === 'hmac-sha256-96') expect(json).toContain('Headteacher');
    else expect(json).not.toContain('Headteacher');
  });

  const posts = [
    'Well done Alfie Hartley on sports day!',
    'Alfred Hartley was brilliant in the play', // legal name, kept as an alias
    'Samuel Okafor and Samuel Fletcher are the same boy', // legal and preferred surname
    '#IslaThornton #AishaBegum',
    'Mrs Hughes is off again, and Mr Clarke covered',
    'Saw Amelia Barker in town, she left last year', // former pupil
    'Rahima Begum complained at parents evening', // parent
    'Theo W. and Theodore Walker',
    'Lovely walk with the dog this morning',
    'Zofia Kowalksa got full marks', // a misspelling
  ];

  it.each(posts)('same findings: %s', (text) => {
    expect(decisions(hashed, text)).toEqual(decisions(plain, text));
  });

  it('and those findings are real: the CSV people are flagged, the clean post is not', () => {
    const flagged = posts.map((p) => decisions(plain, p).filter((f) => f.rule.endsWith('-mention')).map((f) => f.words));
    expect(flagged[0]).toContain('Alfie Hartley');
    expect(flagged[1]).toContain('Alfred Hartley');
    expect(flagged[3].join(' ')).toMatch(/IslaThornton/);
    expect(flagged[4].join(' ')).toMatch(/Mrs Hughes/);
    expect(flagged[8]).toEqual([]);
    expect(flagged[9].join(' ')).toMatch(/Zofia Kowalksa/);
  });

  it('same findings on random posts made from the exported names', () => {
    const words = fc.constantFrom(
      ...['Isla', 'Thornton', 'Alfie', 'Alfred', 'Hartley', 'Aisha', 'Begum', 'Zofia', 'Kowalska', 'Samuel', 'Okafor', 'Fletcher', 'Theo', 'Theodore', 'Walker'],
      ...['Sarah', 'Hughes', 'Mrs', 'Mr', 'Clarke', 'Priya', 'Singh', 'Amelia', 'Barker', 'Mark', 'Rahima', 'Oakfield', 'OPS'],
      ...['#IslaThornton', '@alfie_hartley', "Alfie's", 'T.', 'H', 'my', 'class', 'school', 'son', 'today', 'great', '!', ',', '\n'],
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 14 }), (ws) => {
        const text = ws.join(' ');
        expect(decisions(hashed, text)).toEqual(decisions(plain, text));
      }),
      { numRuns: 400 },
    );
  });
});
