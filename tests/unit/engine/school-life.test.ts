import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

const engine = createEngine(loadFixturePolicy());

describe('school-life', () => {
  it.each([
    ['my class', 'My class were a nightmare today', 'My class'],
    ['one of my Year 6s', 'One of my Year 6s said the funniest thing', 'One of my Year 6s'],
    ["parents' evening", "Parents' evening until 8pm, send wine", "Parents' evening"],
    ['sports day', 'Sports day tomorrow, pray for sun', 'Sports day'],
    ['the nativity', 'The nativity was a triumph', 'The nativity'],
    ['Ofsted are in', 'Ofsted are in tomorrow', 'Ofsted are in'],
    ['INSET', 'INSET day, so a lie-in', 'INSET day'],
    ['a parent named in full', 'Paul Smith complained again', 'Paul Smith'],
  ])('flags %s at medium severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'school-life', text)).toContainEqual({ rule: 'school-life', severity: 'medium', evidence });
  });

  it.each([
    ['my kids about my own children', 'My kids made me breakfast in bed'],
    ['world class', 'World class pizza tonight'],
    ['an ordinary open evening at a shop', 'Open evening at the garden centre'],
    ['marking without school context', 'Marking my territory on the sofa'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'school-life', text)).toEqual([]);
  });

  it('takes extra terms from the policy', () => {
    const custom = createEngine({ ...loadFixturePolicy(), rules: { 'school-life': { terms: ['forest school'] } } });
    expect(ofRule(custom, 'school-life', 'Forest school in the rain again')).toHaveLength(1);
    expect(ofRule(engine, 'school-life', 'Forest school in the rain again')).toEqual([]);
  });
});
