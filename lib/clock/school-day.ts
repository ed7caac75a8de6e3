/**
 * The school day's clock: is a moment (or a camera's wall-clock time) inside the school day, on a
 * school day, in the school's time zone? Used for a photo's capture time and the working-hours rule.
 * Pure: time zones (and summer time) come from Intl, never from the computer's own zone.
 */
import { DAYS, DEFAULT_SCHOOL_DAY, type Day } from '../policy/photo-defaults';
import type { SchoolDay } from '../policy/photo-schema';

/** A time as a clock on the wall shows it: the date, the day of the week and minutes since midnight. */
export interface WallClock {
  date: string;
  day: Day;
  minutes: number;
}

export interface ResolvedSchoolDay {
  days: Day[];
  start: number;
  end: number;
  timeZone: string;
  breaks: { start: number; end: number }[];
  terms: { from: string; to: string }[];
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function resolveSchoolDay(given: SchoolDay | undefined): ResolvedSchoolDay {
  return {
    days: given?.days?.length ? given.days : DEFAULT_SCHOOL_DAY.days,
    start: minutesOf(given?.start ?? DEFAULT_SCHOOL_DAY.start),
    end: minutesOf(given?.end ?? DEFAULT_SCHOOL_DAY.end),
    timeZone: given?.timeZone ?? DEFAULT_SCHOOL_DAY.timeZone,
    breaks: (given?.breaks ?? []).map((b) => ({ start: minutesOf(b.start), end: minutesOf(b.end) })),
    terms: given?.terms ?? [],
  };
}

/** Formatting is slow to set up and the same for every call in one zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Record<string, Day> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** What a wall clock in `timeZone` shows at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAY[parts.weekday] ?? 'mon',
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

/** The wall clock for a date and time with no zone (as a camera writes it): its weekday from the calendar. */
export function wallClockOf(date: string, minutes: number): WallClock {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return { date, day: DAYS[(weekday + 6) % 7], minutes };
}

export function isSchoolDate(wall: WallClock, day: ResolvedSchoolDay): boolean {
  if (!day.days.includes(wall.day)) return false;
  return day.terms.length === 0 || day.terms.some((t) => t.from <= wall.date && wall.date <= t.to);
}

/** In school hours on a school day (breaks included: a photo taken at lunch is still taken in the school day). */
export function inSchoolHours(wall: WallClock, day: ResolvedSchoolDay): boolean {
  return isSchoolDate(wall, day) && wall.minutes >= day.start && wall.minutes < day.end;
}

/** Working hours: school hours on a school day, outside the breaks the school lists. */
export function inWorkingHours(wall: WallClock, day: ResolvedSchoolDay): boolean {
  return inSchoolHours(wall, day) && !day.breaks.some((b) => wall.minutes >= b.start && wall.minutes < b.end);
}

const DAY_NAME: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** "Tuesday at 10:40". */
export function describeWallClock(wall: WallClock): string {
  return `${DAY_NAME[wall.day]} at ${formatMinutes(wall.minutes)}`;
}
