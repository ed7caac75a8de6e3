/**
 * The policy's fields for photos and the school day: where the school's sites are (for a photo's
 * location data), when the school day is (for a photo's capture time and the working-hours rule), and
 * which photo checks run. Part of the one policy schema (schema.ts); kept apart so it stays readable.
 *
 * Range and format checks are refinements, not JSON Schema keywords: Chrome drops a whole managed key
 * whose value breaks `managed_schema.json`, silently, while our own validation says what and where.
 */
import { z } from 'zod';
import { builtOnce } from './built-once';

import { DAYS, DEFAULT_RADIUS_METRES, DEFAULT_SCHOOL_DAY } from './photo-defaults';

export { DAYS, DEFAULT_RADIUS_METRES, DEFAULT_SCHOOL_DAY };
export type { Day } from './photo-defaults';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const clockTime = (title: string, description: string) =>
  z
    .string()
    .refine((v) => TIME.test(v), { message: 'Write a time as HH:MM on the 24-hour clock, for example "08:30" or "15:30".' })
    .meta({ title, description });

const calendarDate = (title: string, description: string) =>
  z
    .string()
    .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
      message: 'Write a date as YYYY-MM-DD, for example "2025-09-03".',
    })
    .meta({ title, description });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Built on first use, with the rest of the policy schema (schema.ts says why).
function buildPhotoSchemas() {
  const SchoolSite = z
    .object({
      name: z.string().meta({ title: 'Name', description: 'What the card calls this site, for example "St Example\'s" or "the junior site". Defaults to the school\'s name.' }).optional(),
      lat: z
        .number()
        .refine((v) => v >= -90 && v <= 90, { message: 'A latitude is between -90 and 90 (degrees north; the UK is about 50 to 59).' })
        .meta({ title: 'Latitude', description: 'Degrees north, as a decimal, for example 51.5014. Take it from a map: right-click the school on the map and copy the numbers.' }),
      lon: z
        .number()
        .refine((v) => v >= -180 && v <= 180, { message: 'A longitude is between -180 and 180 (degrees east; the UK is about -8 to 2).' })
        .meta({ title: 'Longitude', description: 'Degrees east, as a decimal (negative west of Greenwich), for example -0.1419.' }),
      radiusMetres: z
        .number()
        // Not .int(): its JSON Schema bounds (±2^53) are more than Chrome's policy schema reads as integers.
        .refine((v) => Number.isInteger(v) && v >= 20 && v <= 5000, { message: 'The radius is a whole number of metres from 20 to 5000.' })
        .meta({ title: 'Radius (metres)', description: `How far from the point counts as the school's grounds. Default ${DEFAULT_RADIUS_METRES}: phones' location indoors is often 20 to 50 m out.` })
        .optional(),
    })
    .meta({ title: 'School site', description: 'A place that counts as the school, by its centre and a radius.' });

  const TimeRange = z
    .object({
      start: clockTime('Starts', 'When it starts, HH:MM.'),
      end: clockTime('Ends', 'When it ends, HH:MM.'),
    })
    .refine((r) => !TIME.test(r.start) || !TIME.test(r.end) || r.start < r.end, { message: 'A break must end after it starts.' })
    .meta({ title: 'Break', description: 'A break in the school day, such as lunch.' });

  const Term = z
    .object({
      from: calendarDate('First day', 'The first day of the term, YYYY-MM-DD.'),
      to: calendarDate('Last day', 'The last day of the term, YYYY-MM-DD.'),
    })
    .refine((t) => !DATE.test(t.from) || !DATE.test(t.to) || t.from <= t.to, { message: 'A term must end on or after the day it starts.' })
    .meta({ title: 'Term', description: 'One term (or half term): the days from its first day to its last, both included.' });

  const SchoolDay = z
    .object({
      days: z
        .array(z.enum(DAYS))
        .meta({ title: 'School days', description: 'The days of the week the school is open: "mon" … "sun". Default Monday to Friday.' })
        .optional(),
      start: clockTime('Day starts', `When the school day starts, HH:MM. Default ${DEFAULT_SCHOOL_DAY.start}.`).optional(),
      end: clockTime('Day ends', `When the school day ends, HH:MM. Default ${DEFAULT_SCHOOL_DAY.end}.`).optional(),
      timeZone: z
        .string()
        .refine(isTimeZone, { message: 'Give a time zone by its IANA name, for example "Europe/London".' })
        .meta({ title: 'Time zone', description: `The school's time zone (IANA name). Default ${DEFAULT_SCHOOL_DAY.timeZone}; summer time is followed.` })
        .optional(),
      breaks: z
        .array(TimeRange)
        .meta({ title: 'Breaks', description: 'Breaks when staff may use their phones, such as lunch: the working-hours rule says nothing then.' })
        .optional(),
      terms: z
        .array(Term)
        .meta({ title: 'Term dates', description: 'The school\'s terms. When given, only days inside a term are school days (holidays and half terms are not).' })
        .optional(),
    })
    .refine((d) => !d.start || !d.end || !TIME.test(d.start) || !TIME.test(d.end) || d.start < d.end, {
      message: 'The school day must end after it starts.',
    })
    .meta({
      title: 'School day',
      description: 'When the school day is: for a photo\'s capture time, and for the working-hours rule. Default Monday to Friday, 08:30 to 15:30, Europe/London.',
    });

  const PhotoChecks = z
    .object({
      place: z.boolean().meta({ title: 'Place', description: 'Read the location a photo or video was taken at from its metadata, and compare it with the school\'s sites.' }).optional(),
      time: z.boolean().meta({ title: 'Time', description: 'Read when a photo was taken from its metadata: a supporting sign only.' }).optional(),
      faces: z.boolean().meta({ title: 'Faces', description: 'Count the faces in a photo (never who they are): a supporting sign only.' }).optional(),
      text: z.boolean().meta({ title: 'Text in the photo', description: 'Read text in a photo (signs, banners, uniforms) and check it like a post.' }).optional(),
    })
    .meta({ title: 'Photo checks', description: 'Which checks run on photos attached to a post (all on by default). Photos are checked on the computer and never stored or sent.' });

  const photoPolicyFields = {
    schoolSites: z
      .array(SchoolSite)
      .meta({ title: 'School sites', description: 'Where the school is, for photos whose location data places them there.' })
      .optional(),
    schoolDay: SchoolDay.optional(),
    photoChecks: PhotoChecks.optional(),
  };

  return { SchoolSite, SchoolDay, PhotoChecks, photoPolicyFields };
}

type PhotoSchemas = ReturnType<typeof buildPhotoSchemas>;
/** The zod schemas (built once, on the first call). */
export const photoSchemas: () => PhotoSchemas = builtOnce(buildPhotoSchemas);

export type SchoolSite = z.infer<PhotoSchemas['SchoolSite']>;
export type SchoolDay = z.infer<PhotoSchemas['SchoolDay']>;
export type PhotoChecks = z.infer<PhotoSchemas['PhotoChecks']>;
