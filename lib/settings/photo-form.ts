/**
 * The options page's "Photos and the school day" section, and how it becomes part of the person's
 * own policy: school sites, the school day, photo checks, and the school-photo and working-hours
 * switches. The lines are written as `policy build` takes them (lib/deploy/photo-settings.ts), so IT
 * and staff write a site or a break the same way. Only these keys are written; everything else
 * saved is kept, and keys the school locks are never written.
 */
import { photoSettings } from '../deploy/photo-settings';
import { DAYS, DEFAULT_RADIUS_METRES, DEFAULT_SCHOOL_DAY, type Day } from '../policy/photo-defaults';
import type { Policy } from '../policy/schema';
import { formatPath, validatePolicy } from '../policy/validate';

export interface PhotoForm {
  /** One a line: "St Example's: 51.50238, -0.13462, 200". */
  sites: string;
  days: Day[];
  start: string;
  end: string;
  timeZone: string;
  /** One a line: "12:00-13:00". */
  breaks: string;
  /** One a line: "2025-09-03..2025-10-24". */
  terms: string;
  checks: { place: boolean; time: boolean; faces: boolean; text: boolean };
  photosOn: boolean;
  workingHoursOn: boolean;
}

export type PhotoField = 'sites' | 'days' | 'hours' | 'timeZone' | 'breaks' | 'terms' | 'checks' | 'other';
export interface PhotoProblem {
  field: PhotoField;
  message: string;
}

/** The keys this section writes. */
export const PHOTO_KEYS = ['schoolSites', 'schoolDay', 'photoChecks', 'rules'] as const;

export function photoFormOf(policy: Policy): PhotoForm {
  const day = policy.schoolDay ?? {};
  const c = policy.photoChecks ?? {};
  return {
    sites: (policy.schoolSites ?? [])
      .map((s) => `${s.name ? `${s.name}: ` : ''}${s.lat}, ${s.lon}${s.radiusMetres && s.radiusMetres !== DEFAULT_RADIUS_METRES ? `, ${s.radiusMetres}` : ''}`)
      .join('\n'),
    days: day.days ?? DEFAULT_SCHOOL_DAY.days,
    start: day.start ?? DEFAULT_SCHOOL_DAY.start,
    end: day.end ?? DEFAULT_SCHOOL_DAY.end,
    timeZone: day.timeZone ?? DEFAULT_SCHOOL_DAY.timeZone,
    breaks: (day.breaks ?? []).map((b) => `${b.start}-${b.end}`).join('\n'),
    terms: (day.terms ?? []).map((t) => `${t.from}..${t.to}`).join('\n'),
    checks: { place: c.place !== false, time: c.time !== false, faces: c.faces !== false, text: c.text !== false },
    photosOn: policy.rules?.['school-photo']?.enabled !== false,
    workingHoursOn: policy.rules?.['working-hours']?.enabled === true,
  };
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function fieldOfPath(path: string): PhotoField {
  if (path.startsWith('schoolSites')) return 'sites';
  if (path.startsWith('schoolDay.days')) return 'days';
  if (path.startsWith('schoolDay.breaks')) return 'breaks';
  if (path.startsWith('schoolDay.terms')) return 'terms';
  if (path.startsWith('schoolDay.timeZone')) return 'timeZone';
  if (path.startsWith('schoolDay')) return 'hours';
  if (path.startsWith('photoChecks')) return 'checks';
  return 'other';
}

/** The person's saved policy with this section's keys from the form, or the problems, by field. */
export function savePhotoForm(form: PhotoForm, stored: unknown, lockedKeys: readonly string[]): { policy?: Policy; problems: PhotoProblem[] } {
  const problems: PhotoProblem[] = [];
  const parsed = photoSettings({
    schoolSites: lines(form.sites),
    schoolDay: `${DAYS.filter((d) => form.days.includes(d)).join(',') || 'none'} ${form.start}-${form.end}`,
    timeZone: form.timeZone.trim() || DEFAULT_SCHOOL_DAY.timeZone,
    breaks: lines(form.breaks),
    terms: lines(form.terms),
  });
  for (const e of parsed.errors) {
    const field: PhotoField = e.startsWith('--school-site') ? 'sites' : e.startsWith('--break') ? 'breaks' : e.startsWith('--term') ? 'terms' : form.days.length ? 'hours' : 'days';
    problems.push({ field, message: e.replace(/^--school-site /, 'Site ').replace(/^--break /, 'Break ').replace(/^--term /, 'Term ').replace(/^--school-day "[^"]*": write the days and the hours, .*$/, form.days.length ? 'Give the day’s start and end as times, for example 08:30 and 15:30.' : 'Tick at least one school day.') });
  }
  if (problems.length) return { problems };
  const base = (stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  const next: Record<string, unknown> = { ...base };
  const write = (key: string, value: unknown) => {
    if (lockedKeys.includes(key)) return;
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  write('schoolSites', parsed.settings.schoolSites?.length ? parsed.settings.schoolSites : undefined);
  write('schoolDay', parsed.settings.schoolDay);
  const allChecks = Object.values(form.checks).every(Boolean);
  write('photoChecks', allChecks ? undefined : form.checks);
  const rules = { ...((base.rules as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  rules['school-photo'] = { ...(rules['school-photo'] ?? {}), enabled: form.photosOn };
  rules['working-hours'] = { ...(rules['working-hours'] ?? {}), enabled: form.workingHoursOn };
  write('rules', rules);
  const { policy, issues } = validatePolicy(next);
  for (const i of issues.filter((x) => x.level === 'error')) problems.push({ field: fieldOfPath(i.path), message: `${i.message} (${i.path || formatPath([])})` });
  return problems.length || !policy ? { problems } : { policy, problems };
}
