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

/** The line of a text box (counting blank lines, as the person sees them) that holds `given`, or its `index`-th filled line. */
function lineNumber(text: string, find: { given: string } | { index: number }): number | undefined {
  const raw = text.split(/\r?\n/);
  let filled = -1;
  for (let n = 0; n < raw.length; n++) {
    const line = raw[n].trim();
    if (!line) continue;
    filled++;
    if ('given' in find ? line === find.given.trim() : filled === find.index) return n + 1;
  }
  return undefined;
}

const atLine = (n: number | undefined, message: string) => (n ? `Line ${n}: ${message}` : message);

/** What the settings' reader found wrong, in the form's words: by line, as the box shows it, with an example to copy. */
function formProblem(error: string, form: PhotoForm): PhotoProblem {
  const m = /^--(school-site|break|term) ("(?:[^"\\]|\\.)*")/.exec(error);
  const given = m ? (JSON.parse(m[2]) as string) : '';
  if (m?.[1] === 'school-site') {
    return { field: 'sites', message: atLine(lineNumber(form.sites, { given }), `“${given}” is not a place we can read. Write its latitude and longitude, and a radius in metres if you like, for example “Junior site: 51.5100, -0.1200, 400” (the name and colon are up to you).`) };
  }
  if (m?.[1] === 'break') return { field: 'breaks', message: atLine(lineNumber(form.breaks, { given }), `“${given}” is not a break we can read. Write when it starts and ends, for example “12:00-13:00”.`) };
  if (m?.[1] === 'term') return { field: 'terms', message: atLine(lineNumber(form.terms, { given }), `“${given}” is not a term we can read. Write its first and last days, for example “2025-09-03..2025-10-24”.`) };
  if (error.startsWith('--school-day')) {
    return form.days.length ? { field: 'hours', message: 'Give the day’s start and end as times, for example 08:30 and 15:30.' } : { field: 'days', message: 'Tick at least one school day.' };
  }
  return { field: 'other', message: error };
}

/** A problem the policy's schema found, by line for the lists (its path is for IT, not for this form). */
function issueProblem(path: string, message: string, form: PhotoForm): PhotoProblem {
  const field = fieldOfPath(path);
  const item = /^(?:schoolSites|schoolDay\.breaks|schoolDay\.terms)\[(\d+)\]/.exec(path);
  const text = field === 'sites' ? form.sites : field === 'breaks' ? form.breaks : field === 'terms' ? form.terms : undefined;
  if (item && text !== undefined) return { field, message: atLine(lineNumber(text, { index: Number(item[1]) }), message) };
  return { field, message: field === 'other' ? `${message} (${path || formatPath([])})` : message };
}

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
  for (const e of parsed.errors) problems.push(formProblem(e, form));
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
  for (const i of issues.filter((x) => x.level === 'error')) problems.push(issueProblem(i.path, i.message, form));
  return problems.length || !policy ? { problems } : { policy, problems };
}
