/** This week's local counts for the popup, with what each one means: a count from an earlier week reads as zero. */
import { COUNT_NAMES, COUNTS_KEY, weekOf, type CountName, type Counts } from '../runtime/counts';

export { COUNTS_KEY, COUNT_NAMES };

export const COUNT_LABELS: Record<CountName, string> = {
  shown: 'Warnings shown',
  edited: 'Edited',
  cancelled: 'Cancelled',
  postedAnyway: 'Posted anyway',
  dismissed: 'Dismissed',
};

/** What each count counts, as the popup's help text says it. */
export const COUNT_MEANINGS: Record<CountName, string> = {
  shown: 'Posts, comments, messages and profile fields that got a warning while you wrote them.',
  edited: 'You changed the text after a warning, so the warning went, and then sent it.',
  cancelled: 'You closed or emptied the box after a warning, without sending.',
  postedAnyway: 'Second Look asked before sending and you chose to send anyway.',
  dismissed: 'You closed a warning with × or said it was not a match (“This isn’t a pupil” and the like).',
};

export function countsThisWeek(stored: unknown, now: Date = new Date()): Record<CountName, number> {
  const c = stored as Partial<Counts> | undefined;
  const current = !!c && c.week === weekOf(now);
  const n = (v: unknown) => (current && typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return Object.fromEntries(COUNT_NAMES.map((name) => [name, n(c?.[name])])) as Record<CountName, number>;
}
