/**
 * From what was read off a photo to its signals, against the school's policy: is its place one of
 * the school's sites (unless the person said "This isn't at school" about that area), was it taken in
 * the school day, and what does its visible text say to the same text engine as posts. Pure: used by
 * the background worker and by `check --image`.
 */
import { inSchoolHours, resolveSchoolDay, wallClockAt, wallClockOf, describeWallClock, type WallClock } from '../clock/school-day';
import type { Engine } from '../engine/check';
import type { PhotoChecks } from '../policy/photo-schema';
import type { Policy } from '../policy/schema';
import type { Site } from '../policy/rule-ids';
import { areaWords, nearbyAreaWords, schoolSiteAt } from './geo';
import type { CaptureTime, PhotoMetadata } from './metadata';
import type { PhotoSignals, TextInPhoto } from './signals';

export const PHOTO_RULE = 'school-photo';

export type IsException = (rule: string, words: string) => boolean;

export function photoChecksOf(policy: Policy): Required<PhotoChecks> {
  const c = policy.photoChecks ?? {};
  return { place: c.place !== false, time: c.time !== false, faces: c.faces !== false, text: c.text !== false };
}

/** The camera's time on the school's wall clock: converted when the camera wrote its zone, else taken as written. */
export function captureWallClock(taken: CaptureTime, timeZone: string): WallClock {
  if (taken.offsetMinutes === undefined) return wallClockOf(taken.date, taken.minutes);
  const [y, m, d] = taken.date.split('-').map(Number);
  const instant = Date.UTC(y, m - 1, d, 0, taken.minutes) - taken.offsetMinutes * 60_000;
  return wallClockAt(new Date(instant), timeZone);
}

export function metadataSignals(meta: PhotoMetadata, policy: Policy, isException: IsException): Pick<PhotoSignals, 'place' | 'schoolHours'> {
  const checks = photoChecksOf(policy);
  const out: Pick<PhotoSignals, 'place' | 'schoolHours'> = {};
  if (checks.place && meta.gps && policy.schoolSites?.length) {
    const site = schoolSiteAt(meta.gps, policy.schoolSites, policy.schoolName);
    const answered = site && nearbyAreaWords(meta.gps).some((w) => isException(PHOTO_RULE, w));
    if (site && !answered) out.place = { ...site, area: areaWords(meta.gps) };
  }
  if (checks.time && meta.taken) {
    const day = resolveSchoolDay(policy.schoolDay);
    const wall = captureWallClock(meta.taken, day.timeZone);
    if (inSchoolHours(wall, day)) out.schoolHours = { when: describeWallClock(wall) };
  }
  return out;
}

/** Text that counts when read in a photo: names in a strong form (two words or more), the school, school life. */
const TEXT_RULES = new Set(['school-mention', 'pupil-mention', 'colleague-mention', 'school-life']);

function strongEnough(f: { rule: string; evidence: string }): boolean {
  if (f.rule !== 'pupil-mention' && f.rule !== 'colleague-mention') return true;
  // A first name alone on a mug or a name badge is too weak a sign; "Jack Smith", "Mrs Jones" are not.
  return f.evidence.trim().split(/[\s._-]+/).filter(Boolean).length >= 2;
}

export function textSignals(text: string, engine: Engine, site: Site | undefined, isException: IsException): TextInPhoto[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  return engine
    .check(clean, { surface: 'post', site })
    .map((f) => ({ rule: f.rule, severity: f.severity, evidence: clean.slice(f.start, f.end) }))
    .filter((f) => TEXT_RULES.has(f.rule) && strongEnough(f) && !isException(f.rule, f.evidence));
}
