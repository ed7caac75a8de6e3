/** This week's local counts for the popup: a count from an earlier week reads as zero. */
import { COUNTS_KEY, weekOf, type CountName, type Counts } from '../runtime/counts';

export { COUNTS_KEY };

export const COUNT_LABELS: Record<CountName, string> = {
  shown: 'Warnings shown',
  edited: 'Edited after a warning',
  cancelled: 'Cancelled',
  postedAnyway: 'Posted anyway',
};

export function countsThisWeek(stored: unknown, now: Date = new Date()): Record<CountName, number> {
  const c = stored as Partial<Counts> | undefined;
  const current = !!c && c.week === weekOf(now);
  const n = (v: unknown) => (current && typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { shown: n(c?.shown), edited: n(c?.edited), cancelled: n(c?.cancelled), postedAnyway: n(c?.postedAnyway) };
}
