/** Defaults of the photo and school-day fields, free of zod so the worker's clock and the pages can use them. */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** Phones' location indoors is often 20 to 50 m out, and school grounds are large. */
export const DEFAULT_RADIUS_METRES = 200;

export const DEFAULT_SCHOOL_DAY = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Day[],
  start: '08:30',
  end: '15:30',
  timeZone: 'Europe/London',
};
