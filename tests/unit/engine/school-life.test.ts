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
  ])('flags %s at medium severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'school-life', text)).toContainEqual({ rule: 'school-life', severity: 'medium', evidence });
  });

  it.each([
    ['my kids about my own children', 'My kids made me breakfast in bed'],
    ['a parent on the roster named, with nothing else about school (rosters of parents are for pupil-contact)', 'Paul Smith has a new car'],
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

describe('school-life with a name present: only a separate reference counts', () => {
  it.each([
    ['the class that only locates a named pupil', 'Jack Smith was a superstar in my class today'],
    ['the routine setting of a named colleague', 'Mrs Jones did the register for me this morning'],
    ['a named pupil and a routine lesson', 'Thomas Wright fell asleep in the lesson again'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'school-life', text)).toEqual([]);
  });

  it.each([
    ['other unnamed pupils', 'Jack Smith taught the whole class a card trick', 'the whole class'],
    ['a school occasion', 'Olivia O\'Brien sang a solo at the carol service', 'carol service'],
    ["a named pupil's parent", "Jack Smith's dad gave me a lecture at pick up", "Jack Smith's dad"],
  ])('flags %s', (_what, text, evidence) => {
    expect(ofRule(engine, 'school-life', text).map((f) => f.evidence)).toContain(evidence);
  });
});

describe('school-life: the author as a parent', () => {
  it.each([
    ['own children at sports day', 'Sports day for my two today, both cried at the sack race'],
    ["own child's parents' evening", "Parents' evening for our Evie, she's 'very chatty' apparently"],
    ["a named child's school", 'Sports day at Lily\'s school this morning and it rained'],
    ['the other side of the table', "Parents' evening tonight, the other side of the table for once"],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'school-life', text)).toEqual([]);
  });

  it('still flags a reference to the author\'s own class in the same post', () => {
    expect(ofRule(engine, 'school-life', 'Our Evie was a sheep in her nativity, after I did the whole thing with my own class').map((f) => f.evidence)).toContain('my own class');
  });
});

describe('school-life: weaker words need the rest of the post', () => {
  it('counts "my lot" and "fire drill" together, naming the other words in the reason', () => {
    const found = createEngine(loadFixturePolicy()).check('my lot were hyper after the fire drill', { surface: 'post' }).filter((f) => f.rule === 'school-life');
    expect(found.map((f) => f.message)).toContainEqual(expect.stringContaining('(with “fire drill”)'));
  });

  it.each([
    ['one weak word alone', 'The trip was lovely'],
    ['two routine words of the same kind', 'Team meeting about the new timetable at the gym'],
    ['national education news', 'Ofsted dropping one-word judgements is the first good idea in years'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'school-life', text)).toEqual([]);
  });

  it('flags a confidential matter about an unnamed pupil', () => {
    expect(ofRule(engine, 'school-life', 'A disclosure from one of my Year 2s at home time')).not.toEqual([]);
    expect(ofRule(engine, 'school-life', 'Had a chair thrown at me by a seven year old at school today').map((f) => f.evidence)).toContain('Had a chair thrown');
  });

  it('leaves the author\'s own role in a profile field to profession-disclosure', () => {
    expect(ofRule(engine, 'school-life', 'Year 6 teacher, phonics lead and marking enthusiast', 'profile-bio')).toEqual([]);
  });
});
