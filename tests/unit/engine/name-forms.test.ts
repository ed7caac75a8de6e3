/**
 * The ways staff write pupils' and colleagues' names that the first version missed, and the look-alikes
 * it flagged, each as a sentence of our own. Every row runs on the plain and the hashed roster.
 */
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../lib/policy/schema';
import { bothRosterForms, ofRule } from '../helpers';

const policy: Policy = {
  schoolName: "St Aidan's Church of England Primary School",
  schoolAliases: ["St Aidan's", '@StAidansPrimary'],
  staff: [
    { name: 'Gareth Lowe', role: 'Year 6 teacher', title: 'Mr' },
    { name: 'Helen Priestley', role: 'Deputy headteacher', title: 'Mrs' },
    { name: 'Wendy Marsh', role: 'Office manager' },
    { name: 'Carl Evans', role: 'Site manager', title: 'Mr' },
  ],
  pupils: [
    { name: 'Rosie-Mae Whitfield' },
    { name: 'Jasmine Tolley', aliases: ['Jazz'] },
    { name: 'Oliver Blackburn-Pratt' },
    { name: 'Noah Kettlewell' },
    { name: 'Grace Ambler' },
    { name: 'Ruby Thackray' },
    { name: 'Max Denholm' },
  ],
};

describe.each(bothRosterForms(policy))('names as staff write them (%s)', (_form, engine) => {
  describe('pupil-mention', () => {
    it.each([
      ['a hyphenated first name written with a space', 'Star of the week went to Rosie Mae Whitfield!', 'Rosie Mae Whitfield'],
      ['a hyphenated first name shortened to its first part', 'Rosie Whitfield read to the whole school', 'Rosie Whitfield'],
      ['a double-barrelled surname written with a space', 'well done Oliver Blackburn Pratt on your certificate', 'Oliver Blackburn Pratt'],
      ['a handle made of an alias and the surname, with a dot', 'saw your video @jazz.tolley_07 😂', 'jazz.tolley'],
      ['an alias in lower case with an initial', 'jazz t has been a star all week in class', 'jazz t'],
      ['a name that is also a word, at the start of a sentence with a verb after it', 'Grace was amazing in class today', 'Grace'],
      ['a name that is also a word, possessive, at the start of a sentence', "Ruby's reading record went missing again in class", "Ruby's"],
      ['a possessive first name before a capitalised word', "Noah's Lego castle for our topic made the whole class gasp", "Noah's"],
    ])('flags %s', (_what, text, evidence) => {
      expect(ofRule(engine, 'pupil-mention', text).map((f) => f.evidence)).toContain(evidence);
    });

    it.each([
      ['"my" before the name: the author\'s own', 'My Noah was star of the week at school today, so proud'],
      ['"our" before the name, as family', 'Our Grace was the best angel in her nativity this morning'],
      ['a child\'s own school, seen as a parent', "Sports day at Ruby's school this morning, she came third in the sack race"],
      ['a word at the start of a sentence with no verb after it', 'Grace under pressure is what teaching needs most'],
      ['a headline in Title Case', 'Scientists Push Max Output In New School Science Labs'],
      ['a friend\'s child starting school', 'Aww Noah looks so grown up in his uniform, first day at big school!'],
    ])('stays quiet for %s', (_what, text) => {
      expect(ofRule(engine, 'pupil-mention', text)).toEqual([]);
    });
  });

  describe('colleague-mention', () => {
    it.each([
      ['title and surname in lower case', 'mr lowe has the patience of a saint', 'mr lowe', 'high'],
      ['title and a misspelt surname', 'Mrs Priestly did the conga at the leavers do', 'Mrs Priestly', 'high'],
      ['a first name joined to where they work', 'Wendy in the office found my keys again', 'Wendy', 'high'],
      ['a first name joined to a role', 'Gareth, our Year 6 teacher, ran the whole thing', 'Gareth', 'high'],
      ['kitchen staff by role', 'the dinner ladies deserve a pay rise after today', 'the dinner ladies', 'medium'],
      ['office staff by role', 'can someone in the office ring the coach firm?', 'someone in the office', 'medium'],
      ['a year group teacher', 'the Year 3 teacher has taken my glue sticks again', 'the Year 3 teacher', 'medium'],
      ['a job-share partner', 'my job share left me the marking again', 'my job share', 'medium'],
      ['a plural role in capitals', 'The TAs held the whole place together this week', 'The TAs', 'medium'],
      ['a role with a word in between', 'our new deputy has changed the timetable again', 'our new deputy', 'medium'],
    ])('flags %s', (_what, text, evidence, severity) => {
      expect(ofRule(engine, 'colleague-mention', text)).toContainEqual({ rule: 'colleague-mention', severity, evidence });
    });

    it.each([
      ['a relative with a title', 'Happy birthday to my mum, Mrs Lowe, the best there is'],
      ['a title that does not fit the colleague (Mr Evans is on the staff list)', 'Mrs Evans from next door brought round a cake'],
      ['"ta" meaning thanks', 'ta very much for the lift this morning'],
      ['the author\'s own role', "I'm a TA and proud of it"],
      ['a relative\'s old job', 'My mum was a headteacher for thirty years'],
      ['someone from the author\'s own schooldays', 'my old head of year would be horrified by this'],
      ['the school office as a place', 'Raffle tickets are on sale at the school office'],
    ])('stays quiet for %s', (_what, text) => {
      expect(ofRule(engine, 'colleague-mention', text)).toEqual([]);
    });

    it('reads a display name as the author\'s own', () => {
      expect(ofRule(engine, 'colleague-mention', 'Mr Lowe 🍎', 'profile-name')).toEqual([]);
    });
  });
});
