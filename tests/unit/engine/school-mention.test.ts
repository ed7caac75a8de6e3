import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

// School: "St Example's C of E Primary School", aliases St Example's, SEPS, @StExamplePrimary,
// #StExampleFamily, stexample.sch.uk; organisations Example Learning Trust, Exampleshire County Council.
const engine = createEngine(loadFixturePolicy());

describe('school-mention', () => {
  it.each([
    ['full name', "Proud to work at St Example's C of E Primary School", "St Example's C of E Primary School"],
    ['an alias', "Another week at St Example's", "St Example's"],
    ['Saint spelt out', "Saint Example's Primary won the cup", "Saint Example's Primary"],
    ['the core name with a generic word', 'Example Primary are through to the final', 'Example Primary'],
    ['an abbreviation', 'SEPS staff do it better', 'SEPS'],
    ['the handle', 'Thanks @StExamplePrimary', 'StExamplePrimary'],
    ['the handle in lower case', 'thanks @stexampleprimary', 'stexampleprimary'],
    ['the hashtag', 'What a day #StExampleFamily', 'StExampleFamily'],
    ['the web domain', 'see stexample.sch.uk for details', 'stexample.sch.uk'],
    ['the trust as workplace', 'Proud to work for Example Learning Trust', 'Example Learning Trust'],
    ['the council as employer', 'My employer, Exampleshire County Council, is hiring', 'Exampleshire County Council'],
  ])('flags the %s', (_what, text, evidence) => {
    expect(ofRule(engine, 'school-mention', text)).toContainEqual({ rule: 'school-mention', severity: 'high', evidence });
  });

  it.each([
    ['the council, not as workplace', 'Exampleshire County Council still has not emptied the bins'],
    ['old school', 'Proper old school hip hop tonight'],
    ['back to school sale', 'Back to school sale on at the shops'],
    ['world class', 'World class performance from the band'],
    ['an abbreviation alias in lower case inside other words', 'Great photo seps from the wedding, #sepsis awareness'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'school-mention', text)).toEqual([]);
  });

  it('treats the core of a name alone as the school only in a post about school, with a capital', () => {
    const oak = createEngine({ schoolName: 'Oakfield Primary School' });
    expect(ofRule(oak, 'school-mention', 'Oakfield Primary won the cup')).toHaveLength(1);
    expect(ofRule(oak, 'school-mention', 'Sports day at Oakfield today')).toEqual([{ rule: 'school-mention', severity: 'high', evidence: 'Oakfield' }]);
    expect(ofRule(oak, 'school-mention', 'Walked the dog round Oakfield park')).toEqual([]);
  });
});
