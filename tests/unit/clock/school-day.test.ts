import { describe, expect, it } from 'vitest';
import { inSchoolHours, inWorkingHours, resolveSchoolDay, wallClockAt, wallClockOf } from '../../../lib/clock/school-day';

const london = resolveSchoolDay(undefined);

describe('the school day clock', () => {
  it('defaults to Monday to Friday, 08:30 to 15:30, Europe/London', () => {
    expect(london).toMatchObject({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 510, end: 930, timeZone: 'Europe/London' });
  });

  it('reads the school’s wall clock, whatever zone this computer is in', () => {
    // 07:45 UTC on Monday 31 March 2025 is 08:45 in London (summer time began the day before).
    expect(wallClockAt(new Date('2025-03-31T07:45:00Z'), 'Europe/London')).toEqual({ date: '2025-03-31', day: 'mon', minutes: 8 * 60 + 45 });
    // The same moment is 03:45 in New York and 18:45 in Sydney.
    expect(wallClockAt(new Date('2025-03-31T07:45:00Z'), 'America/New_York').minutes).toBe(3 * 60 + 45);
    expect(wallClockAt(new Date('2025-03-31T07:45:00Z'), 'Australia/Sydney')).toMatchObject({ day: 'mon', minutes: 18 * 60 + 45 });
  });

  it('follows the clock change in spring: 08:15 UTC is in the school day in summer time, 08:15 GMT the week before is not yet', () => {
    expect(inSchoolHours(wallClockAt(new Date('2025-03-31T07:45:00Z'), 'Europe/London'), london)).toBe(true); // 08:45 BST
    expect(inSchoolHours(wallClockAt(new Date('2025-03-28T07:45:00Z'), 'Europe/London'), london)).toBe(false); // 07:45 GMT
    expect(inSchoolHours(wallClockAt(new Date('2025-03-28T08:45:00Z'), 'Europe/London'), london)).toBe(true); // 08:45 GMT
    expect(inSchoolHours(wallClockAt(new Date('2025-03-31T14:45:00Z'), 'Europe/London'), london)).toBe(false); // 15:45 BST
  });

  it('follows the clock change in autumn: 15:00 UTC is after school in summer time and inside it after the change', () => {
    expect(inSchoolHours(wallClockAt(new Date('2025-10-24T15:00:00Z'), 'Europe/London'), london)).toBe(false); // Fri 16:00 BST
    expect(inSchoolHours(wallClockAt(new Date('2025-10-27T15:00:00Z'), 'Europe/London'), london)).toBe(true); // Mon 15:00 GMT
  });

  it('counts only the school’s days, and only in term when terms are given', () => {
    const day = resolveSchoolDay({ terms: [{ from: '2025-09-03', to: '2025-10-24' }, { from: '2025-11-03', to: '2025-12-19' }] });
    expect(inSchoolHours(wallClockOf('2025-10-22', 600), day)).toBe(true); // Wednesday in term
    expect(inSchoolHours(wallClockOf('2025-10-29', 600), day)).toBe(false); // half term
    expect(inSchoolHours(wallClockOf('2025-10-25', 600), day)).toBe(false); // Saturday
    expect(inSchoolHours(wallClockOf('2025-12-19', 600), day)).toBe(true); // last day, included
    const weekend = resolveSchoolDay({ days: ['sat'] });
    expect(inSchoolHours(wallClockOf('2025-10-25', 600), weekend)).toBe(true);
  });

  it('leaves breaks out of working hours, but not out of school hours', () => {
    const day = resolveSchoolDay({ start: '08:45', end: '15:15', breaks: [{ start: '12:00', end: '13:00' }] });
    const lunch = wallClockOf('2025-10-22', 12 * 60 + 30);
    expect(inSchoolHours(lunch, day)).toBe(true);
    expect(inWorkingHours(lunch, day)).toBe(false);
    expect(inWorkingHours(wallClockOf('2025-10-22', 13 * 60), day)).toBe(true);
    expect(inWorkingHours(wallClockOf('2025-10-22', 8 * 60 + 40), day)).toBe(false);
    expect(inWorkingHours(wallClockOf('2025-10-22', 15 * 60 + 15), day)).toBe(false);
  });

  it('gives the weekday of a camera’s date from the calendar', () => {
    expect(wallClockOf('2025-03-29', 0).day).toBe('sat');
    expect(wallClockOf('2024-02-29', 0).day).toBe('thu');
  });
});
