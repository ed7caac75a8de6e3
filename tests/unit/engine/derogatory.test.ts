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
