import { describe, expect, it } from 'vitest';
import { countsThisWeek } from '../../../lib/settings/week-counts';
import { weekOf } from '../../../lib/runtime/counts';

describe('this week’s counts', () => {
  const now = new Date(2026, 10, 18, 12); // a Wednesday
  it('shows the stored counts for this week', () => {
    const stored = { week: weekOf(now), shown: 4, edited: 2, cancelled: 1, postedAnyway: 1, dismissed: 3 };
    expect(countsThisWeek(stored, now)).toEqual({ shown: 4, edited: 2, cancelled: 1, postedAnyway: 1, dismissed: 3 });
  });
  it('reads counts saved before "dismissed" existed, with dismissed as zero', () => {
    expect(countsThisWeek({ week: weekOf(now), shown: 4, edited: 2, cancelled: 1, postedAnyway: 1 }, now)).toEqual({ shown: 4, edited: 2, cancelled: 1, postedAnyway: 1, dismissed: 0 });
  });
  it('reads last week’s counts, nothing stored, or junk as zero', () => {
    const zero = { shown: 0, edited: 0, cancelled: 0, postedAnyway: 0, dismissed: 0 };
    expect(countsThisWeek({ week: weekOf(new Date(2026, 10, 11)), shown: 9, edited: 9, cancelled: 9, postedAnyway: 9 }, now)).toEqual(zero);
    expect(countsThisWeek(undefined, now)).toEqual(zero);
    expect(countsThisWeek({ week: weekOf(now), shown: 'lots' }, now)).toEqual(zero);
  });
});
