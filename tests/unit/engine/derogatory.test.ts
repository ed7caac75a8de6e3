import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

const policy = loadFixturePolicy();
// The fixture raises derogatory to high everywhere; most tests use the rule's own severities.
const engine = createEngine({ ...policy, rules: {} });

describe('derogatory', () => {
  it.each([
    ['profanity aimed at parents', 'The parents here are fucking clueless', 'fucking'],
    ['an insult aimed at pupils', 'My Year 9s are idiots', 'idiots'],
    ['an insult aimed at a named pupil', 'Jack Smith is a little sod', 'little sod'],
    ['an insult aimed at colleagues', 'SLT are useless', 'useless'],
    ['a threat aimed at the head', 'I could strangle the head', 'strangle'],
    ['an obfuscated swear word at the school', 'This school is sh1t', 'sh1t'],
  ])('flags %s at high severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'derogatory', text)).toContainEqual({ rule: 'derogatory', severity: 'high', evidence });
  });

  it.each([
    ['profanity with no target', 'What a fucking day', 'fucking'],
    ['an insult with no school target', 'The referee was an idiot', 'idiot'],
  ])('flags %s at medium severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'derogatory', text)).toEqual([{ rule: 'derogatory', severity: 'medium', evidence }]);
  });

  it.each([
    ['innocent words containing rude ones', 'Scunthorpe, Sussex, cocktail, therapist, analysis'],
    ['a weak word with no school target', 'My phone is useless'],
    ['a place name', 'A day out in Penistone'],
    ['a surname that contains a rude word', 'Astros sign Josh Reddick'],
    ['neutral use of sex', 'Same sex marriage was legalised'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'derogatory', text)).toEqual([]);
  });

  it('never treats a roster name as profanity', () => {
    const withDick = createEngine({ pupils: [{ name: 'Dick Turpin' }], rules: {} });
    expect(ofRule(withDick, 'derogatory', 'Dick Turpin was brilliant today')).toEqual([]);
    expect(ofRule(engine, 'derogatory', 'Dick Turpin was brilliant today')).not.toEqual([]);
  });

  it('uses the severity the policy sets', () => {
    const strict = createEngine(policy);
    expect(ofRule(strict, 'derogatory', 'What a fucking day')).toEqual([{ rule: 'derogatory', severity: 'high', evidence: 'fucking' }]);
  });
});

describe('derogatory in British English', () => {
  it.each([
    ['a British insult', 'The bloke in the BMW is a right knobhead', 'knobhead'],
    ['another spelling', 'what a bell end that driver was', 'bell end'],
    ['abbreviated swearing', 'ffs, the boiler has gone again', 'ffs'],
    ['a slang insult', 'the new manager is an absolute melt', 'absolute melt'],
    ['mockery of a pupil', 'one of mine is thick as two short planks', 'thick as two short planks'],
    ['a threat spelt out', 'if he blocks my drive again I swear I\'ll batter him', "I swear I'll batter him"],
    ['a group put down without slurs', 'These people come over here and want it all handed to them', 'come over here and'],
    ['a stereotype with the group in the post', 'Travellers on the field again, lock your sheds', 'lock your sheds'],
  ])('flags %s', (_what, text, evidence) => {
    expect(ofRule(engine, 'derogatory', text).map((f) => f.evidence)).toContain(evidence);
  });

  it.each([
    ['a neutral description of a class', 'my class were a nightmare, bouncing off the walls'],
    ['crying', 'Ugly cried at the wedding'],
    ['a feral cat', 'Our slightly feral cat caught a mouse'],
    ['a common misspelling of assessment', 'Risk assesment done for the trip'],
    ['a stereotype phrase with no group', 'Lock up your bikes, it is a rough area for thefts'],
    ['wanting a coffee', "I'll kill for a coffee"],
    ['going back home', 'Can we go back home now, my feet hurt'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'derogatory', text)).toEqual([]);
  });
});
