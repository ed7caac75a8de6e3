/**
 * school-mention and profession-disclosure, for the ways a school and its trust are written that the
 * first version missed (initials, the distinctive part of a trust's name, a possessive without its
 * apostrophe, a one-word name split in two) and for the places and jobs that share their words.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import type { Policy } from '../../../lib/policy/schema';
import { ofRule } from '../helpers';

const aidans = createEngine({
  schoolName: "St Aidan's Church of England Primary School",
  schoolAliases: ["St Aidan's", '@StAidansPrimary'],
  organisations: ['Ridgeway Moor Academies Trust', 'Wakeshire County Council'],
} satisfies Policy);
const brookfield = createEngine({ schoolName: 'Brookfield Academy', schoolAliases: ['Brookfield'] } satisfies Policy);
const middleton = createEngine({ schoolName: 'Lowfold Primary', organisations: ['Greater Middleton Partnership'] } satisfies Policy);

const mentions = (engine: typeof aidans, text: string, surface: Parameters<typeof ofRule>[3] = 'post') =>
  ofRule(engine, 'school-mention', text, surface).map((f) => f.evidence);

describe('school-mention', () => {
  it.each([
    ["the trust's initials, as the employer", aidans, 'RMAT payroll have messed up my pay again', 'RMAT'],
    ["the trust's initials alone: four letters are distinctive", aidans, 'RMAT will call this an opportunity for growth', 'RMAT'],
    ["the distinctive part of the trust's name, as the employer", aidans, 'Ridgeway Moor are sending staff yet another survey', 'Ridgeway Moor'],
    ["the council's initials in lower case, as the employer", aidans, 'wcc payroll still have not sorted my pension', 'wcc'],
    ['a possessive written without its apostrophe', aidans, 'Another lovely day at St Aidans Primary', 'St Aidans Primary'],
    ['a one-word name split in two before a generic word', brookfield, 'HLTA at brook field academy and loving it', 'brook field academy'],
    ['the council in a job field', aidans, 'Family Support Worker – Wakeshire County Council', 'Wakeshire County Council'],
    ['initials that are also a police force, as the employer', middleton, 'GMP payroll has messed up my pay again', 'GMP'],
  ] as const)('flags %s', (_what, engine, text, found) => {
    const surface = text.startsWith('Family Support') ? 'profile-job' : 'post';
    expect(mentions(engine, text, surface)).toContain(found);
  });

  it.each([
    ['an alias used as a place name', brookfield, 'Lovely run round Brookfield Park this morning'],
    ['an alias in another town, with nothing about school', brookfield, 'Is that Brookfield in Derby? Gorgeous photo'],
    ['initials that are also a police force, about the police', middleton, 'GMP were called to the match again'],
    ["the distinctive part of the trust's name as a place", aidans, 'Ridgeway Moor reservoir was freezing today'],
    ['the council as a public service', aidans, 'Wakeshire County Council have still not emptied our bins'],
  ] as const)('stays quiet for %s', (_what, engine, text) => {
    expect(mentions(engine, text)).toEqual([]);
  });
});

type ProfileSurface = 'profile-job' | 'profile-bio' | 'profile-name';

describe('profession-disclosure', () => {
  const found = (text: string, surface: ProfileSurface = 'profile-bio') =>
    ofRule(aidans, 'profession-disclosure', text, surface).map((f) => f.evidence);

  it.each([
    ['a key-stage tag', 'KS2 all day, every day', 'KS2'],
    ['a subject hashtag', '#TeamMaths | views my own', 'TeamMaths'],
    ['a description of the job', 'Shaping young minds since 2015', 'Shaping young minds'],
    ['a year tag in a display name', 'Miss Tolley – Y6', 'Y6', 'profile-name'],
    ['"teaches" in a display name', 'Miss Tolley teaches Year 2', 'teaches Year 2', 'profile-name'],
    ["the school's handle alone", 'Mum of 2 | @StAidansPrimary', 'StAidansPrimary'],
  ] as [string, string, string, ProfileSurface?][])('flags %s', (_what, text, evidence, surface = 'profile-bio') => {
    expect(found(text, surface)).toContain(evidence);
  });

  it.each([
    ['a yoga teacher', 'Yoga teacher, dog mum, sunrise swims'],
    ['a swimming teacher at weekends', 'Swimming teacher (weekends)'],
    ['a piano teacher at home', 'Piano & violin teacher, lessons for all ages in my home studio'],
    ['a driving school', 'Instructor at Pennine Driving School'],
    ['"old school"', 'Class of 2009 | old school garage and drum and bass'],
    ['a principal engineer', 'Principal Engineer at a water company'],
    ['a council job that is not in a school', 'Family Support Worker – Wakeshire County Council', 'profile-job'],
  ] as [string, string, ProfileSurface?][])('stays quiet for %s', (_what, text, surface = 'profile-bio') => {
    expect(found(text, surface)).toEqual([]);
  });
});

describe('profession-disclosure: the teacher emoji', () => {
  it.each([['Sarah 👩‍🏫'], ['Dan 👨🏽‍🏫 | Leeds'], ['🧑‍🏫 and proud']])('flags "%s"', (text) => {
    expect(ofRule(aidans, 'profession-disclosure', text, 'profile-name')).toHaveLength(1);
  });

  it('stays quiet for a school building emoji alone or a woman emoji alone', () => {
    expect(ofRule(aidans, 'profession-disclosure', 'Sarah 👩 🏫 fan of old buildings', 'profile-name')).toEqual([]);
  });
});
