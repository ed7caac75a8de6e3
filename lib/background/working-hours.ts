/**
 * The working-hours rule (off by default, low): posting on a school day, in the school day, outside
 * the breaks the school lists. Evaluated in the background worker with each check, on the school's
 * clock (its time zone, summer time included); the page shows it once per post and never holds a send.
 */
import { describeWallClock, inWorkingHours, resolveSchoolDay, wallClockAt } from '../clock/school-day';
import { RULES } from '../engine/rules/catalogue';
import type { Policy } from '../policy/schema';
import type { Severity } from '../policy/rule-ids';

export interface WorkingHoursNote {
  severity: Severity;
  message: string;
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
}

export function workingHoursNote(policy: Policy, now: Date): WorkingHoursNote | undefined {
  const settings = policy.rules?.['working-hours'];
  if (settings?.enabled !== true) return undefined;
  const day = resolveSchoolDay(policy.schoolDay);
  const wall = wallClockAt(now, day.timeZone);
  if (!inWorkingHours(wall, day)) return undefined;
  return {
    severity: settings.severity ?? RULES['working-hours'].severity,
    message: `It is ${describeWallClock(wall)}, in the school day: your school asks staff not to use personal social media during working hours.`,
    clause: { text: settings.clause ?? RULES['working-hours'].clause, bySchool: Boolean(settings.clause), ...(policy.policyUrl ? { url: policy.policyUrl } : {}) },
    advice: RULES['working-hours'].advice,
  };
}
