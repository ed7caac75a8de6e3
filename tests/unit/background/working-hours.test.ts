import { describe, expect, it } from 'vitest';
import { CheckService } from '../../../lib/background/check-service';
import { workingHoursNote } from '../../../lib/background/working-hours';
import { STORAGE_KEYS } from '../../../lib/policy/storage-keys';

const on = { rules: { 'working-hours': { enabled: true } } };
const tuesdayMorning = new Date('2025-10-21T09:40:00Z'); // 10:40 BST

describe('the working-hours rule', () => {
  it('is off by default', () => {
    expect(workingHoursNote({}, tuesdayMorning)).toBeUndefined();
    expect(workingHoursNote({ rules: { 'working-hours': {} } }, tuesdayMorning)).toBeUndefined();
  });

  it('when on, speaks in the school day, low, with the time on the school’s clock', () => {
    expect(workingHoursNote(on, tuesdayMorning)).toMatchObject({ severity: 'low', message: expect.stringContaining('Tuesday at 10:40') });
    expect(workingHoursNote(on, new Date('2025-10-25T09:40:00Z')), 'Saturday').toBeUndefined();
    expect(workingHoursNote(on, new Date('2025-10-21T16:00:00Z')), 'after school').toBeUndefined();
  });

  it('is quiet in the breaks the school lists and outside its terms, and follows its time zone', () => {
    const lunch = { ...on, schoolDay: { breaks: [{ start: '12:00', end: '13:00' }] } };
    expect(workingHoursNote(lunch, new Date('2025-10-21T11:30:00Z'))).toBeUndefined();
    expect(workingHoursNote(lunch, new Date('2025-10-21T12:05:00Z'))).toBeDefined();
    expect(workingHoursNote({ ...on, schoolDay: { terms: [{ from: '2025-09-03', to: '2025-10-17' }] } }, tuesdayMorning)).toBeUndefined();
    // 09:40 UTC is 05:40 in New York: not the school day there.
    expect(workingHoursNote({ ...on, schoolDay: { timeZone: 'America/New_York' } }, tuesdayMorning)).toBeUndefined();
  });

  it('takes the school’s clause and severity', () => {
    const note = workingHoursNote({ rules: { 'working-hours': { enabled: true, severity: 'medium', clause: 'No phones in lessons.' } } }, tuesdayMorning)!;
    expect(note.severity).toBe('medium');
    expect(note.clause).toEqual({ text: 'No phones in lessons.', bySchool: true });
  });

  it('comes with a text check from the background when it applies', async () => {
    const data: Record<string, unknown> = { [STORAGE_KEYS.state]: { policy: { rules: { 'working-hours': { enabled: true }, }, schoolDay: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' } }, source: 'personal', lockedKeys: [], issues: [], updatedAt: 1 } };
    const area = { get: async (k: string | string[]) => Object.fromEntries((Array.isArray(k) ? k : [k]).filter((x) => x in data).map((x) => [x, data[x]])), set: async (i: Record<string, unknown>) => void Object.assign(data, i) };
    const r = await new CheckService(area as never).handle({ type: 'second-look:check', text: 'Lovely day', surface: 'post', site: 'x' });
    expect(r.workingHours?.severity).toBe('low');
  });
});
