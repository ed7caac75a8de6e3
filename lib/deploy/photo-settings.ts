/**
 * `policy build`'s options for photos and the school day, turned into policy fields:
 *   --school-site "51.50238,-0.13462"  or  "Junior site: 51.5100,-0.1200,400"   (repeatable)
 *   --school-day "Mon-Fri 08:30-15:30"   --time-zone Europe/London
 *   --break "12:00-13:00"  (repeatable)   --term "2025-09-03..2025-10-24"  (repeatable)
 *   --photo-checks place,time,faces,text  (the ones listed run; the others are switched off)
 *   --working-hours  (switches the working-hours rule on)
 * Each problem says which option, what was given and how to write it; the values are then checked by
 * the policy schema like everything else.
 */
import { DAYS, type Day } from '../policy/photo-defaults';
import type { PhotoChecks, SchoolDay, SchoolSite } from '../policy/photo-schema';
import type { Policy } from '../policy/schema';

export interface PhotoOptions {
  schoolSites?: string[];
  schoolDay?: string;
  timeZone?: string;
  breaks?: string[];
  terms?: string[];
  photoChecks?: string[];
  workingHours?: boolean;
}

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const SITE = new RegExp(`^(?:(.+?)\\s*:\\s*)?(${NUMBER})\\s*,\\s*(${NUMBER})(?:\\s*,\\s*(\\d+)\\s*m?)?$`, 'i');
const DAY_NAMES: Record<string, Day> = Object.fromEntries(DAYS.flatMap((d) => [[d, d], [{ mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' }[d], d]]));
const RANGE = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/;

function pad(t: string): string {
  return t.length === 4 ? `0${t}` : t;
}

function parseDays(text: string): Day[] | undefined {
  const out: Day[] = [];
  for (const part of text.toLowerCase().split(/\s*,\s*/)) {
    const [a, b] = part.split(/\s*-\s*/).map((p) => DAY_NAMES[p]);
    if (!a || (part.includes('-') && !b)) return undefined;
    if (!b) out.push(a);
    else for (let i = DAYS.indexOf(a); ; i = (i + 1) % 7) {
      out.push(DAYS[i]);
      if (DAYS[i] === b) break;
    }
  }
  return [...new Set(out)];
}

export function photoSettings(opts: PhotoOptions): { settings: Partial<Policy>; errors: string[] } {
  const errors: string[] = [];
  const settings: Partial<Policy> = {};
  if (opts.schoolSites?.length) {
    const sites: SchoolSite[] = [];
    for (const given of opts.schoolSites) {
      const m = SITE.exec(given.trim());
      if (!m) {
        errors.push(`--school-site ${JSON.stringify(given)}: write it as "<latitude>,<longitude>[,<radius in metres>]", optionally after a name and a colon, for example "Junior site: 51.5100,-0.1200,400".`);
        continue;
      }
      sites.push({ ...(m[1] ? { name: m[1] } : {}), lat: Number(m[2]), lon: Number(m[3]), ...(m[4] ? { radiusMetres: Number(m[4]) } : {}) });
    }
    settings.schoolSites = sites;
  }
  const day: SchoolDay = {};
  if (opts.schoolDay) {
    const m = /^(.+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(opts.schoolDay.trim());
    const days = m ? parseDays(m[1]) : undefined;
    if (!m || !days) errors.push(`--school-day ${JSON.stringify(opts.schoolDay)}: write the days and the hours, for example "Mon-Fri 08:30-15:30" or "Mon,Tue,Thu 08:45-15:15".`);
    else Object.assign(day, { days, start: pad(m[2]), end: pad(m[3]) });
  }
  if (opts.timeZone) day.timeZone = opts.timeZone;
  if (opts.breaks?.length) {
    day.breaks = [];
    for (const b of opts.breaks) {
      const m = RANGE.exec(b.trim());
      if (!m) errors.push(`--break ${JSON.stringify(b)}: write a break as "HH:MM-HH:MM", for example "12:00-13:00".`);
      else day.breaks.push({ start: pad(m[1]), end: pad(m[2]) });
    }
  }
  if (opts.terms?.length) {
    day.terms = [];
    for (const t of opts.terms) {
      const m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(t.trim());
      if (!m) errors.push(`--term ${JSON.stringify(t)}: write a term as "<first day>..<last day>", for example "2025-09-03..2025-10-24".`);
      else day.terms.push({ from: m[1], to: m[2] });
    }
  }
  if (Object.keys(day).length) settings.schoolDay = day;
  if (opts.photoChecks) {
    const known = ['place', 'time', 'faces', 'text'] as const;
    const unknown = opts.photoChecks.filter((c) => !(known as readonly string[]).includes(c));
    if (unknown.length) errors.push(`--photo-checks: ${unknown.map((u) => JSON.stringify(u)).join(', ')} is not a photo check; the checks are place, time, faces and text.`);
    else settings.photoChecks = Object.fromEntries(known.map((k) => [k, opts.photoChecks!.includes(k)])) as PhotoChecks;
  }
  if (opts.workingHours) settings.rules = { 'working-hours': { enabled: true } };
  return { settings, errors };
}

/** The flags' fields over the settings file's (rules merged one level deep). */
export function withPhotoSettings(settings: unknown, extra: Partial<Policy>): unknown {
  if (!Object.keys(extra).length) return settings;
  const base = (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>;
  const rules = extra.rules ? { ...(base.rules as object | undefined), ...Object.fromEntries(Object.entries(extra.rules).map(([id, r]) => [id, { ...((base.rules as Record<string, object> | undefined)?.[id] ?? {}), ...r }])) } : base.rules;
  const schoolDay = extra.schoolDay ? { ...(base.schoolDay as object | undefined), ...extra.schoolDay } : base.schoolDay;
  return { ...base, ...extra, ...(rules ? { rules } : {}), ...(schoolDay ? { schoolDay } : {}) };
}
