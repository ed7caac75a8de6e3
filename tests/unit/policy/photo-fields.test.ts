import { describe, expect, it } from 'vitest';
import { buildManagedSchema } from '../../../lib/policy/managed-schema';
import { validatePolicy } from '../../../lib/policy/validate';

describe('the policy’s photo and school-day fields', () => {
  it('accepts school sites, the school day with breaks and terms, and the photo switches', () => {
    const policy = {
      schoolName: "St Example's",
      schoolSites: [{ lat: 51.50238, lon: -0.13462 }, { name: 'the junior site', lat: 51.51, lon: -0.12, radiusMetres: 350 }],
      schoolDay: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:45', end: '15:15', timeZone: 'Europe/London', breaks: [{ start: '12:00', end: '13:00' }], terms: [{ from: '2025-09-03', to: '2025-10-24' }] },
      photoChecks: { place: true, time: true, faces: false, text: true },
      rules: { 'school-photo': { severity: 'high' }, 'working-hours': { enabled: true } },
    };
    const { policy: got, issues } = validatePolicy(policy);
    expect(issues).toEqual([]);
    expect(got).toEqual(policy);
  });

  it('says what is wrong and where, in plain words', () => {
    const { policy, issues } = validatePolicy({
      schoolSites: [{ lat: 151.5, lon: -0.1 }, { lat: 51.5, lon: -0.1, radiusMetres: 12.5 }, { lat: '51.5', lon: -0.1 }],
      schoolDay: { days: ['monday'], start: '8.30', end: '07:00', timeZone: 'Europe/Londres', breaks: [{ start: '13:00', end: '12:00' }], terms: [{ from: '2025-13-01', to: '2025-09-01' }] },
      photoChecks: { faces: 'no' },
    });
    expect(policy).toBeUndefined();
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['schoolSites[0].lat']).toMatch(/between -90 and 90/);
    expect(byPath['schoolSites[1].radiusMetres']).toMatch(/whole number of metres from 20 to 5000/);
    expect(byPath['schoolSites[2].lat']).toBe('Expected a number, found "51.5".');
    expect(byPath['schoolDay.days[0]']).toMatch(/"mon"/);
    expect(byPath['schoolDay.start']).toMatch(/HH:MM/);
    expect(byPath['schoolDay.timeZone']).toMatch(/Europe\/London/);
    expect(byPath['schoolDay.breaks[0]']).toMatch(/end after it starts/);
    expect(byPath['schoolDay.terms[0].from']).toMatch(/YYYY-MM-DD/);
    expect(byPath['photoChecks.faces']).toBe('Expected true or false, found "no".');
  });

  it('checks a day that ends before it starts', () => {
    const { issues } = validatePolicy({ schoolDay: { start: '15:30', end: '08:30' } });
    expect(issues).toEqual([expect.objectContaining({ path: 'schoolDay', message: 'The school day must end after it starts.' })]);
  });

  it('gives Chrome a managed schema for them with no keywords it could reject values on', () => {
    const schema = buildManagedSchema() as { properties: Record<string, unknown> };
    const text = JSON.stringify({ schoolSites: schema.properties.schoolSites, schoolDay: schema.properties.schoolDay, photoChecks: schema.properties.photoChecks });
    expect(text).not.toMatch(/minimum|maximum|pattern|enum/);
    expect(schema.properties.schoolSites).toMatchObject({ type: 'array', items: { type: 'object', properties: { lat: { type: 'number' }, radiusMetres: { type: 'number' } } } });
  });
});
