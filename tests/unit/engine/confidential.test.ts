import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { loadFixturePolicy, ofRule } from '../helpers';

const engine = createEngine(loadFixturePolicy());

describe('confidential', () => {
  it.each([
    ['a safeguarding matter', 'Another safeguarding referral today', 'safeguarding referral'],
    ['child protection', 'Child protection conference all afternoon', 'Child protection conference'],
    ['an EHCP', 'Finally got the EHCP through', 'EHCP'],
    ['social services', 'Social services were called', 'Social services'],
    ['an exclusion, in a post about school', 'One of my pupils got excluded today', 'excluded'],
    ['a medical detail with a pupil named', 'Jack Smith forgot his EpiPen again', 'EpiPen'],
    ['a disciplinary matter, in a post about school', 'Colleague facing a disciplinary at school', 'disciplinary'],
    ['an unpublished inspection outcome', 'We got outstanding!! Ofsted report not out yet', 'We got outstanding'],
  ])('flags %s at high severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'confidential', text)).toContainEqual({ rule: 'confidential', severity: 'high', evidence });
  });

  it.each([
    ['a weaker word with no school context', 'I got excluded from the group chat lol'],
    ['a diagnosis about a pet', 'The vet gave a diagnosis at last'],
    ['outstanding used as praise', 'Outstanding curry tonight'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'confidential', text)).toEqual([]);
  });
});

describe('confidential matters without the old listed words', () => {
  it.each([
    ['a body map', 'Body map done for one of my Year 3s', 'Body map'],
    ['a pupil going into care', 'One of my Year 8s went into care this week', 'went into care'],
    ['a part-time timetable', 'Part-time timetable for a Year 10 boy from Monday', 'Part-time timetable'],
    ['a weapon brought in', 'Lad in Year 9 brought a knife in today', 'brought a knife'],
    ["a pupil's medication, with a pupil named", 'Jack Smith has started melatonin so he may be sleepy', 'melatonin'],
    ['a member of staff signed off', 'Our deputy has been signed off with stress until Easter', 'signed off with stress'],
    ['staff under investigation', 'Mr Okafor suspended pending an investigation, nobody knows why', 'suspended pending an investigation'],
    ['redundancies before staff are told', 'Three TA posts are going and they haven\'t told the TAs', 'TA posts'],
    ['an unpublished inspection grade', "Ofsted done, can't say the grade until the report's published", "can't say the grade"],
    ['attainment data', 'Only 9 out of 28 at expected in my Year 6 class', 'out of 28 at expected'],
  ])('flags %s', (_what, text, evidence) => {
    expect(ofRule(engine, 'confidential', text)).toContainEqual({ rule: 'confidential', severity: 'high', evidence });
  });

  it.each([
    ['routine safeguarding training', 'Three hours of safeguarding training after school'],
    ['drugs in the news', 'Cannabis and drugs policy debated in Parliament again'],
    ['an insult that happens to be a weapon', "Parents' evening: half of them were absolute weapons"],
    ['a secret about a birthday', "Don't tell anyone, the cake is in my boot"],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'confidential', text)).toEqual([]);
  });

  it('names the words that tie a weaker term to school', () => {
    const [f] = createEngine(loadFixturePolicy()).check('Another exclusion for one of my Year 9s', { surface: 'post' }).filter((x) => x.rule === 'confidential');
    expect(f.message).toContain('(with “one of my Year 9s”)');
  });
});
