/**
 * Importing rosters from MIS exports: every layout in tests/fixtures/mis reads right, ugly files
 * still read, and files that cannot be read say what is wrong and where, losing nothing silently.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tooManyBadRows, importRoster, type RosterImport, type RosterKind } from '../../../lib/roster-import/import-roster';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/mis/${name}`, import.meta.url), 'utf8');
}

function ok(result: RosterImport): Extract<RosterImport, { ok: true }> {
  if (!result.ok) throw new Error(`expected the import to work, got: ${result.error}`);
  return result;
}

function imported(name: string, kind: RosterKind = 'pupils') {
  return ok(importRoster(fixture(name), kind, name));
}

describe('MIS layouts', () => {
  it('SIMS pupils: preferred names in force, legal names kept as aliases, a repeated row merged', () => {
    const r = imported('sims-pupils.csv');
    expect(r.people).toEqual([
      { name: 'Isla Thornton' },
      { name: 'Alfie Hartley', aliases: ['Alfred Hartley'] },
      { name: 'Aisha Begum' },
      { name: 'Zofia Kowalska' },
      // Preferred surname differs from the legal one.
      { name: 'Samuel Fletcher', aliases: ['Samuel Okafor'] },
      { name: 'Theo Walker', aliases: ['Theodore Walker'] },
    ]);
    expect(r.columns).toEqual(['Legal Surname', 'Legal Forename', 'Preferred Surname', 'Preferred Forename']);
    expect(r.notes.join('\n')).toContain('Isla Thornton (rows 2 and 7)');
    expect(r.skipped).toEqual([]);
  });

  it('SIMS staff: job titles from "Role"; the Title column (Mrs, Mr) is kept apart from the name', () => {
    expect(imported('sims-staff.csv', 'staff').people).toEqual([
      { name: 'Sarah Hughes', role: 'Headteacher', title: 'Mrs' },
      { name: 'Daniel Clarke', role: 'Year 6 Teacher', title: 'Mr' },
      { name: 'Priya Singh', role: 'SENCO', title: 'Ms' },
      { name: 'Chloe Murphy', role: 'Teaching Assistant', title: 'Miss' },
    ]);
  });

  it('Arbor pupils: a blank preferred name falls back to the legal one', () => {
    expect(imported('arbor-pupils.csv').people).toEqual([
      { name: 'Freya Lloyd' },
      { name: 'Mo Ali', aliases: ['Mohammed Ali'] },
      { name: 'Evie Chapman' },
      { name: 'Jake Harrison-Shaw', aliases: ['Jacob Harrison-Shaw'] },
    ]);
  });

  it('Arbor staff: "Job title" is the role, and e-mail addresses are never taken', () => {
    const r = imported('arbor-staff.csv', 'staff');
    expect(r.people).toEqual([
      { name: 'Grace Edwards', role: 'Deputy Headteacher', title: 'Mrs' },
      { name: 'Liam Kelly', role: 'Year 2 Teacher', title: 'Mr' },
      { name: 'Ellie Wood', role: 'School Business Manager', title: 'Dr' },
    ]);
    expect(JSON.stringify(r.people)).not.toContain('@');
    expect(r.notes.join('\n')).toContain('"Email"');
  });

  it('Bromcom pupils: "Preferred Name" beside a surname column is the preferred forename', () => {
    expect(imported('bromcom-pupils.csv').people).toEqual([
      { name: 'Zara Khan' },
      { name: 'Olly Patel', aliases: ['Oliver Patel'] },
      { name: 'Ruby Murphy' },
      { name: 'Harry Singh' },
    ]);
  });

  it('Bromcom staff: one "Staff Name" column written "Surname, Forename"', () => {
    const r = imported('bromcom-staff.csv', 'staff');
    expect(r.people.map((p) => p.name)).toEqual(['Noah Ahmed', 'Poppy Shaw', 'Arthur Fletcher']);
    expect(r.people[0].role).toBe('Reception Teacher');
  });

  it('Scholarpack pupils: report title lines above the header are skipped, "Surname, Forename" names read', () => {
    const r = imported('scholarpack-pupils.csv');
    expect(r.people.map((p) => p.name)).toEqual(['Maisie Hughes', 'Leo Clarke', 'Lily Edwards', 'Ethan Ali']);
    expect(r.notes.join('\n')).toMatch(/Skipped 2 lines above the header row \(row 4\)/);
  });

  it('Scholarpack staff', () => {
    expect(imported('scholarpack-staff.csv', 'staff').people).toEqual([
      { name: 'Sophie Harrison', role: 'Class Teacher' },
      { name: 'Jessica Lloyd', role: 'Office Manager' },
    ]);
  });

  it('parents: the contact columns, never the pupil columns of the same export', () => {
    expect(imported('sims-parents.csv', 'parents').people.map((p) => p.name)).toEqual(['Mark Thornton', 'Kelly Thornton', 'Rahima Begum']);
    // The same file read as a pupil list takes the pupil columns.
    expect(imported('sims-parents.csv', 'pupils').people.map((p) => p.name)).toEqual(['Isla Thornton', 'Aisha Begum']);
  });

  it('former pupils; a staff export given as pupils (a "Role" column) is refused as the wrong way round', () => {
    expect(imported('sims-former-pupils.csv', 'formerPupils').people).toEqual([{ name: 'Amelia Barker' }, { name: 'Jacob Nowak' }]);
    const swapped = importRoster(fixture('sims-staff.csv'), 'pupils', 'pupils.csv');
    expect(swapped).toEqual({
      ok: false,
      error: 'pupils.csv: this file has a “Role” column, so it looks like a list of members of staff, not of pupils. Were the files given the wrong way round (--pupils and --staff)? Nothing was imported.',
    });
    expect(importRoster(fixture('sims-pupils.csv'), 'staff', 'staff.csv')).toMatchObject({ ok: false, error: expect.stringContaining('“UPN” column, so it looks like a list of pupils') });
  });

  it('one bad row in four is a few bad rows, not a wrong file; three in four is', () => {
    const one = imported('ugly-one-bad-row.csv', 'pupils');
    expect(one.people.map((p) => p.name)).toEqual(['Isla Thornton', 'Zofia Kowalska', 'Noah Fletcher']);
    expect(one.skipped).toEqual([{ row: 3, message: 'has a forename (“Alfie”) but no surname.' }]);
    expect(tooManyBadRows(1, 4)).toBe(false);
    expect(tooManyBadRows(3, 4)).toBe(true);
    expect(tooManyBadRows(4, 19)).toBe(false); // a fifth or more, but fewer than five rows
    expect(tooManyBadRows(5, 20)).toBe(true);
    expect(tooManyBadRows(50, 1000)).toBe(false);
    expect(tooManyBadRows(201, 1000)).toBe(true);
  });

  it('split by a column: one group per school, duplicates merged only within a school', () => {
    const r = importRoster(fixture('trust-pupils.csv'), 'pupils', 'trust.csv', { splitBy: 'school' });
    if (!r.ok) throw new Error(r.error);
    expect(r.groups!.map((g) => [g.name, g.people.map((p) => p.name)])).toEqual([
      ['Oakfield Primary School', ['Isla Thornton', 'Alfie Hartley', 'Zofia Kowalska']],
      ['Elm Tree Academy', ['Isla Thornton', 'Noah Fletcher', 'Ruby Chapman']],
      ["St Anne's C of E Primary", ['Theo Walker', 'Amira Hussain']],
    ]);
    expect(r.skipped).toEqual([{ row: 10, message: 'has nothing in the “School” column, so it belongs to no school.' }]);
    expect(r.notes.join(' ')).not.toContain('"School"');
  });
});

describe('ugly files', () => {
  it('a byte-order mark and Windows line ends, with accented names kept as written', () => {
    const text = fixture('ugly-bom-crlf.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const r = imported('ugly-bom-crlf.csv');
    expect(r.columns).toEqual(['Forename', 'Surname']);
    expect(r.people.map((p) => p.name)).toEqual(['Zoë Hartley', 'Kacper Nowak', 'Siân Lloyd']);
  });

  it('Excel quoting: commas and doubled quotes inside cells, titles inside names', () => {
    expect(imported('ugly-excel-quoting.csv', 'staff').people).toEqual([
      { name: 'Sarah Jones', role: 'Headteacher' },
      { name: 'Maria De La Cruz', role: 'Teacher, Year 6' },
      { name: "Niamh O'Brien", role: 'Teaching Assistant, "Owls" class' },
      { name: 'Priya Patel', role: 'SENCO', title: 'Mrs' },
    ]);
  });

  it('blank lines before, between and after rows are passed over without a complaint', () => {
    const r = imported('ugly-blank-lines.csv');
    expect(r.people.map((p) => p.name)).toEqual(['Evie Walker', 'Noah Shaw', 'Poppy Kelly']);
    expect(r.skipped).toEqual([]);
  });

  it('trailing commas and empty header cells', () => {
    const r = imported('ugly-trailing-commas.csv');
    expect(r.people.map((p) => p.name)).toEqual(['Leo Harrison', 'Ruby Chapman', 'Theo Barker']);
    expect(r.skipped).toEqual([]);
  });

  it('tab-separated text as Excel saves it', () => {
    expect(imported('ugly-tab-separated.txt').people.map((p) => p.name)).toEqual(['Maisie Wood', 'Arthur Clarke']);
  });

  it('"SURNAME Forename" as some SIMS reports write it, and a plain "Forename Surname"', () => {
    const r = ok(importRoster('Pupil name\nTHORNTON Isla\nO\'BRIEN Niamh Mae\nJack Smith\n', 'pupils', 'p.csv'));
    expect(r.people.map((p) => p.name)).toEqual(['Isla THORNTON', "Niamh Mae O'BRIEN", 'Jack Smith']);
  });

  it('the same person in two cases or with and without accents is one entry', () => {
    const r = ok(importRoster('Forename,Surname\nZoë,Hartley\nZOE,HARTLEY\n', 'pupils', 'p.csv'));
    expect(r.people).toEqual([{ name: 'Zoë Hartley' }]);
    expect(r.notes.join('\n')).toContain('rows 2 and 3');
  });
});

describe('problems, said clearly', () => {
  it('bad rows are skipped and reported by their spreadsheet row number; the rest is imported', () => {
    const r = imported('ugly-bad-rows.csv');
    expect(r.skipped).toEqual([
      { row: 4, message: 'has a surname (“Begum”) but no forename.' },
      { row: 7, message: 'has a forename (“Theo”) but no surname.' },
    ]);
    expect(r.people).toHaveLength(8);
  });

  it('a name split by an unquoted comma is reported, not read as a wrong name', () => {
    const r = imported('ugly-unquoted-comma.csv');
    expect(r.skipped).toEqual([{ row: 2, message: expect.stringContaining('a comma in it that needs quotation marks') }]);
    expect(r.people.map((p) => p.name)).not.toContain('Thornton');
    expect(r.people).toHaveLength(5);
  });

  it('an unknown layout fails with the headers found and the headers it can use', () => {
    const r = importRoster(fixture('ugly-unknown-layout.csv'), 'pupils', 'pupils.csv');
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error).toMatch(/^pupils\.csv: cannot find the name columns/);
    expect(error).toContain('Headers found (row 1): "UPN", "DOB", "Gender", "Admission Date"');
    expect(error).toMatch(/Forename.*Surname.*Full name/);
  });

  it('a file that is mostly bad rows fails whole, naming the rows', () => {
    const r = importRoster(fixture('ugly-mostly-bad.csv'), 'pupils', 'pupils.csv');
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^pupils\.csv: 3 of 4 rows have no usable name \(row 2, row 3, row 4\)/) });
  });

  it('a quote that never closes fails at its row, rather than swallowing the rest of the file', () => {
    const r = importRoster(fixture('ugly-unclosed-quote.csv'), 'pupils', 'pupils.csv');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('row 3 opens a quote') });
  });

  it('empty files, and files with a header but no people', () => {
    expect(importRoster('\uFEFF\r\n', 'staff', 'staff.csv')).toEqual({ ok: false, error: 'staff.csv: the file is empty.' });
    const r = importRoster('Forename,Surname\n,\n', 'staff', 'staff.csv');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('no member of staff names found below the header row (row 1)') });
  });

  it('a one-word full name is a bad row, by number', () => {
    const r = ok(importRoster('Name\nIsla Thornton\nMadonna\nAlfie Hartley\nAisha Begum\nZofia Kowalska\n', 'pupils', 'p.csv'));
    expect(r.skipped).toEqual([{ row: 3, message: 'has one name only (“Madonna”), not a forename and a surname.' }]);
  });
});

describe('staff titles', () => {
  it('keeps a Title column, and a title written before a full name, so "Mrs Evans" is not read as Mr Evans', () => {
    const csv = 'Title,Forename,Surname,Role\nMr,Carl,Evans,Site manager\nMrs.,Helen,Priestley,Deputy head\n';
    const result = importRoster(csv, 'staff', 'staff.csv');
    expect(result.ok && result.people.map((p) => [p.name, p.title])).toEqual([
      ['Carl Evans', 'Mr'],
      ['Helen Priestley', 'Mrs'],
    ]);
    const full = importRoster('Name,Role\n"Evans, Mr Carl",Site manager\n', 'staff', 'staff.csv');
    expect(full.ok && full.people[0]).toMatchObject({ name: 'Carl Evans', title: 'Mr' });
  });

  it('takes no title from a pupils list', () => {
    const result = importRoster('Title,Forename,Surname\nMiss,Ava,Kent\n', 'pupils', 'pupils.csv');
    expect(result.ok && result.people[0]).toEqual({ name: 'Ava Kent' });
  });
});
