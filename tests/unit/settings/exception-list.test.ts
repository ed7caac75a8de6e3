import { describe, expect, it } from 'vitest';
import { Exceptions } from '../../../lib/background/exceptions';
import { readExceptions, withoutException } from '../../../lib/settings/exception-list';
import { memoryArea } from '../helpers';


describe('the "not a match" list in the options page', () => {
  it('removes just the one answer, and the background then treats those words as a match again', async () => {
    const area = memoryArea();
    const background = new Exceptions(area);
    await background.load();
    await background.addException('pupil-contact', 'Jack Smith', new Date('2026-11-20T10:00:00Z'));
    await background.addException('school-mention', 'Oakfield', new Date('2026-11-20T10:00:00Z'));
    const listed = readExceptions(area.data.exceptions);
    expect(listed.map((e) => [e.rule, e.hint, e.added])).toEqual([
      ['pupil-contact', 'J… S… (10 characters)', '2026-11-20'],
      ['school-mention', 'O… (8 characters)', '2026-11-20'],
    ]);

    await area.set({ exceptions: withoutException(listed, listed[0]) });
    background.setExceptions(area.data.exceptions); // what the background's storage listener does
    expect(background.isException('pupil-contact', 'Jack Smith')).toBe(false);
    expect(background.isException('school-mention', 'Oakfield')).toBe(true);
  });

  it('ignores anything in storage that is not an exception', () => {
    expect(readExceptions(undefined)).toEqual([]);
    expect(readExceptions([null, 'x', { rule: 'pupil-mention' }, { rule: 'pupil-mention', hash: 'ab', hint: 'J…', added: '2026-11-20' }])).toHaveLength(1);
  });
});
