import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { bothRosterForms, loadFixturePolicy } from '../helpers';

// Roster (tests/fixtures/policies/school.json): pupils Jack Smith (alias Jacko), Olivia O'Brien,
// Thomas Wright, Amelia Kowalska, Muhammad Hussain; former pupil Amy Brown; parent Paul Smith;
// staff Sarah Jones, David Okafor, Priya Patel.
describe.each(bothRosterForms())('pupil-contact display names (%s)', (_form, engine) => {
  it.each([
    ['a plain full name', 'Jack Smith', ''],
    ['emojis and decorations', '✨ jack smith ⚽️💙', ''],
    ['all capitals', 'JACK SMITH', ''],
    ['a diminutive', 'Tom Wright', ''],
    ['first name and initial', 'Jack S', ''],
    ['a misspelling of a long name', 'Amelia Kowalski', ''],
    ['a listed nickname with the surname', 'Jacko Smith', ''],
    ['a handle when the display name is only a first name', 'Jack 🦁', '@jack_smith07'],
    ['a handle run together', 'jack', 'jacksmith2014'],
    ['a handle with dots', '', 'olivia.obrien'],
  ])('holds a request from a pupil by %s', (_what, name, handle) => {
    const match = engine.contact(name, handle);
    expect(match).toMatchObject({ group: 'pupil', action: 'hold', severity: 'high', label: 'Pupil at your school' });
    expect(match!.message).toContain('a pupil');
  });

  it.each([
    ['a first name alone', 'Jack', ''],
    ['a first name with emojis', 'Jack 🦁🔥', ''],
    ['a nickname alone', 'Jacko', ''],
    ['a handle that is only a first name', 'Muhammad', '@muhammad_2012'],
    ['someone else who shares a surname', 'Alice Smith', ''],
    ['a stranger', 'Priya Shah', '@priyashah'],
    ['a colleague (not this rule)', 'Sarah Jones', ''],
    ['an empty name', '', ''],
  ])('stays quiet on %s', (_what, name, handle) => {
    expect(engine.contact(name, handle)).toBeUndefined();
  });

  it('gives former pupils and parents a caution, not a hold', () => {
    expect(engine.contact('Amy Brown 🌸')).toMatchObject({ group: 'formerPupil', action: 'caution', severity: 'medium', label: 'Former pupil' });
    expect(engine.contact('Paul Smith')).toMatchObject({ group: 'parent', action: 'caution', severity: 'medium' });
  });

  it('quotes the name that matched and the policy clause', () => {
    const match = engine.contact('Jack Smith ⚽');
    expect(match!.evidence).toBe('Jack Smith');
    expect(match!.message).toBe('“Jack Smith ⚽” matches the name of a pupil on your school’s roster.');
    expect(match!.clause).toMatchObject({ bySchool: false, url: 'https://stexample.sch.uk/policies/social-media' });
    expect(match!.clause.text).toMatch(/friends with, follow or message pupils/);
  });
});

describe('pupil-contact policy switches', () => {
  it('is off when the rule or the site is switched off, and takes the school’s severity and clause', () => {
    const base = loadFixturePolicy();
    expect(createEngine({ ...base, rules: { 'pupil-contact': { enabled: false } } }).contact('Jack Smith')).toBeUndefined();
    expect(createEngine({ ...base, sites: { x: { enabled: false } } }).contact('Jack Smith', '', 'x')).toBeUndefined();
    expect(createEngine({ ...base, sites: { x: { enabled: false } } }).contact('Jack Smith', '', 'tiktok')).toBeDefined();
    const own = createEngine({ ...base, rules: { 'pupil-contact': { severity: 'medium', clause: 'No contact with pupils online (6.7).' } } }).contact('Jack Smith');
    expect(own).toMatchObject({ severity: 'medium', action: 'hold', clause: { text: 'No contact with pupils online (6.7).', bySchool: true } });
  });

  it('never throws on odd input', () => {
    const engine = createEngine(loadFixturePolicy());
    for (const odd of [undefined, null, 42, '\u0000'.repeat(500), '🙂'.repeat(1000), 'a'.repeat(10_000)]) {
      expect(() => engine.contact(odd as never, odd as never)).not.toThrow();
    }
  });
});
