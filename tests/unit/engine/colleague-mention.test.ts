import { describe, expect, it } from 'vitest';
import { bothRosterForms, ofRule } from '../helpers';

// Staff: Sarah Jones (Headteacher), David Okafor (Year 6 teacher), Priya Patel (SENCO).
describe.each(bothRosterForms())('colleague-mention (%s)', (_form, engine) => {
  it.each([
    ['full name', 'Sarah Jones is retiring', 'Sarah Jones'],
    ['title and surname', 'Mrs Jones is off again', 'Mrs Jones'],
    ['title with a full stop', 'Mr. Okafor set far too much homework', 'Mr. Okafor'],
    ['another title', 'Ask Dr Patel', 'Dr Patel'],
    ['handle', 'cc @sarah_jones', 'sarah_jones'],
    ['first name joined to a role', 'Priya our SENCO has saved the day again', 'Priya'],
  ])('flags the %s at high severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'colleague-mention', text)).toContainEqual({ rule: 'colleague-mention', severity: 'high', evidence });
  });

  it.each([
    ['our head', 'Our head said we all have to stay late', 'Our head'],
    ['my TA', 'My TA is amazing', 'My TA'],
    ['the SENCO', 'Meeting with the SENCO tomorrow', 'the SENCO'],
    ['a governor, in a post about school', 'A governor came to watch my class', 'A governor'],
    ['the head, in a post about school', 'The head was on playground duty', 'The head'],
  ])('flags a colleague by position (%s) at medium severity', (_what, text, evidence) => {
    expect(ofRule(engine, 'colleague-mention', text)).toContainEqual({ rule: 'colleague-mention', severity: 'medium', evidence });
  });

  it.each([
    ['a surname alone that is a common name', 'Jones the butcher has the best sausages'],
    ['a title with another surname', 'Mrs Robinson is a great song'],
    ['the head of a river', 'We walked to the head of the river'],
    ['a headache', 'Such a headache today'],
    ['my head, without school context', 'My head is killing me'],
    ['the first name alone without school context', 'Dinner with Priya and the girls'],
    // LABELLING.md: a colleague's first name alone is everyone's first name; it needs a title, surname or role.
    ['the first name alone even in a post about school', 'Priya covered my class again today'],
    ['a governor in politics', 'The Kentucky governor signed the bill'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'colleague-mention', text)).toEqual([]);
  });
});
