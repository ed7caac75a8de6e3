/**
 * Local counts only, per week. Never any text. Shown in the popup, which defines each one
 * (lib/settings/week-counts.ts). Each post with a warning ends as at most one of edited, cancelled
 * or posted anyway; a dismissal or a false-match answer is counted when it is given.
 */
import type { Storage } from 'webextension-polyfill';

export const COUNTS_KEY = 'counts';

export const COUNT_NAMES = ['shown', 'edited', 'cancelled', 'postedAnyway', 'dismissed'] as const;
export type CountName = (typeof COUNT_NAMES)[number];
export interface Counts {
  /** Monday of the week these counts are for, as YYYY-MM-DD. */
  week: string;
  shown: number;
  edited: number;
  cancelled: number;
  postedAnyway: number;
  dismissed: number;
}

export function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export class LocalCounts {
  /** Writes are chained so two quick increments never overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: Pick<Storage.StorageArea, 'get' | 'set'>) {}

  count(name: CountName, now = new Date()): Promise<void> {
    const job = async () => {
      const week = weekOf(now);
      const got = (await this.area.get(COUNTS_KEY)) as Record<string, Counts | undefined>;
      const prev = got[COUNTS_KEY];
      const counts: Counts = prev && prev.week === week ? { ...prev } : { week, shown: 0, edited: 0, cancelled: 0, postedAnyway: 0, dismissed: 0 };
      counts[name] = (Number.isFinite(counts[name]) ? counts[name] : 0) + 1;
      await this.area.set({ [COUNTS_KEY]: counts });
    };
    // A count that cannot be written (storage full, the extension gone) is lost quietly: the
    // warning is what matters, and nothing may throw into the page.
    this.queue = this.queue.then(job, job).catch(() => undefined);
    return this.queue as Promise<void>;
  }
}
