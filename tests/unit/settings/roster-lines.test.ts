import { describe, expect, it } from 'vitest';
import { addPeopleToLines, formatRosterLines, parseRosterLines } from '../../../lib/settings/roster-lines';

describe('a roster typed one person a line', () => {
  it('reads names, nicknames in brackets and (for staff) a job title, skipping blank lines', () => {
    const parsed = parseRosterLines('Jack Smith\n\n  Thomas   Brown (Tom, Tommy)  \nSarah Jones - Headteacher\n', 'staff');
    expect(parsed.people).toEqual([
      { name: 'Jack Smith' },
      { name: 'Thomas Brown', aliases: ['Tom', 'Tommy'] },
      { name: 'Sarah Jones', role: 'Headteacher' },
    ]);
    expect(parsed.lines).toEqual([1, 3, 4]);
    expect(parsed.problems).toEqual([]);
  });

  it('keeps hyphenated and apostrophe names whole', () => {
    expect(parseRosterLines("Mary-Jane O'Brien", 'pupils').people).toEqual([{ name: "Mary-Jane O'Brien" }]);
  });

  it('reports each line it cannot read, by line number, and still reads the others', () => {
    const parsed = parseRosterLines('Smith, Jack\nOlivia Brown\nAmy (Ames\nJack Smith - Year 6\n1234', 'pupils');
    expect(parsed.people).toEqual([{ name: 'Olivia Brown' }]);
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 3, 4, 5]);
    expect(parsed.problems[0].message).toContain('“Jack Smith”');
    expect(parsed.problems[1].message).toMatch(/Brackets/);
    expect(parsed.problems[2].message).toMatch(/Only staff have a job title/);
    expect(parsed.problems[3].message).toMatch(/no letters/);
  });

  it('writes people back the way it reads them, leaving hashed entries out', () => {
    const people = [{ name: 'Thomas Brown', aliases: ['Tom'] }, { name: 'Sarah Jones', role: 'Head' }, { hashed: { first: { k: 'x' } } }];
    const text = formatRosterLines(people);
    expect(text).toBe('Thomas Brown (Tom)\nSarah Jones - Head');
    expect(parseRosterLines(text, 'staff').people).toEqual(people.slice(0, 2));
  });

  it('adds imported people without repeating names already on the list', () => {
    const result = addPeopleToLines('Jack Smith\n', [{ name: 'jack smith' }, { name: 'Olivia Brown', role: 'Year 6' }], 'pupils');
    expect(result).toEqual({ text: 'Jack Smith\nOlivia Brown', added: 1, alreadyThere: 1 });
  });
});
