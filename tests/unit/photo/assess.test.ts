import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/check';
import { captureWallClock, metadataSignals, textSignals } from '../../../lib/photo/assess';
import { areaWords, distanceMetres, nearbyAreaWords, roughDistance, schoolSiteAt } from '../../../lib/photo/geo';
import type { Policy } from '../../../lib/policy/schema';

const SITE = { lat: 51.50238, lon: -0.13462 };
const policy: Policy = {
  schoolName: "St Example's C of E Primary School",
  schoolAliases: ["St Example's"],
  staff: [{ name: 'Sarah Jones' }],
  pupils: [{ name: 'Jack Smith' }],
  schoolSites: [SITE, { name: 'the junior site', lat: 51.51, lon: -0.12, radiusMetres: 400 }],
};
const never = () => false;

describe('a photo’s place against the school’s sites', () => {
  it('measures distances on the Earth', () => {
    expect(distanceMetres(SITE, { lat: 51.5029, lon: -0.1339 })).toBeCloseTo(76, 0);
    expect(distanceMetres({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111_195, -2);
  });

  it('is at a site within its radius (200 m by default), naming the site or the school', () => {
    expect(schoolSiteAt({ lat: 51.5029, lon: -0.1339 }, policy.schoolSites!, policy.schoolName)).toMatchObject({ name: policy.schoolName });
    expect(schoolSiteAt({ lat: 51.5042, lon: -0.1346 }, policy.schoolSites!, policy.schoolName)).toBeUndefined(); // ~200 m + a bit
    expect(schoolSiteAt({ lat: 51.513, lon: -0.12 }, policy.schoolSites!, policy.schoolName)).toMatchObject({ name: 'the junior site' });
  });

  it('rounds distances as a person would say them', () => {
    expect(roughDistance(8)).toBe('within a few metres');
    expect(roughDistance(76)).toBe('about 80 m');
    expect(roughDistance(180)).toBe('about 200 m');
  });

  it('is quiet once the person said “This isn’t at school” about the area, and only there', () => {
    const remembered = new Set([areaWords({ lat: 51.5029, lon: -0.1339 })]);
    const isException = (rule: string, words: string) => rule === 'school-photo' && remembered.has(words);
    expect(metadataSignals({ gps: { lat: 51.50291, lon: -0.13391 } }, policy, isException).place).toBeUndefined();
    expect(metadataSignals({ gps: { lat: 51.5015, lon: -0.1355 } }, policy, isException).place).toMatchObject({ name: policy.schoolName });
  });

  it('remembers a ~150 m area: any two points within 60 m of each other share it', () => {
    fc.assert(
      fc.property(fc.double({ min: 49, max: 59, noNaN: true }), fc.double({ min: -8, max: 2, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), (lat, lon, angle, metres) => {
        const dLat = ((metres * Math.cos(angle)) / 6_371_000) * (180 / Math.PI);
        const dLon = ((metres * Math.sin(angle)) / (6_371_000 * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
        return nearbyAreaWords({ lat: lat + dLat, lon: lon + dLon }).includes(areaWords({ lat, lon }));
      }),
    );
    // …and a point 1 km away does not.
    expect(nearbyAreaWords({ lat: 51.5119, lon: -0.1339 })).not.toContain(areaWords({ lat: 51.5029, lon: -0.1339 }));
  });

  it('has no place signal with the place check off, or with no sites', () => {
    expect(metadataSignals({ gps: SITE }, { ...policy, photoChecks: { place: false } }, never).place).toBeUndefined();
    expect(metadataSignals({ gps: SITE }, { schoolName: 'X' }, never).place).toBeUndefined();
  });
});

describe('a photo’s capture time against the school day', () => {
  it('converts a time with a zone to the school’s clock, and takes one without a zone as written', () => {
    expect(captureWallClock({ date: '2025-03-31', minutes: 9 * 60, offsetMinutes: -240 }, 'Europe/London')).toMatchObject({ date: '2025-03-31', minutes: 14 * 60 });
    expect(captureWallClock({ date: '2025-03-31', minutes: 10 * 60 }, 'Europe/London')).toMatchObject({ day: 'mon', minutes: 600 });
  });

  it('is a supporting signal in school hours on a school day only', () => {
    expect(metadataSignals({ taken: { date: '2025-03-31', minutes: 615, offsetMinutes: 60 } }, policy, never).schoolHours).toEqual({ when: 'Monday at 10:15' });
    expect(metadataSignals({ taken: { date: '2025-03-29', minutes: 615 } }, policy, never).schoolHours).toBeUndefined();
    expect(metadataSignals({ taken: { date: '2025-03-31', minutes: 615 } }, { ...policy, photoChecks: { time: false } }, never).schoolHours).toBeUndefined();
  });
});

describe('text read in a photo, through the same engine as posts', () => {
  const engine = createEngine(policy);
  it('keeps the school’s name and names in a strong form', () => {
    const found = textSignals("ST EXAMPLE'S\nHeadteacher: Mrs S Jones", engine, 'x', never);
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(['school-mention', 'colleague-mention']));
  });
  it('leaves out a first name alone and what the person said is not a match', () => {
    expect(textSignals('Jack', engine, 'x', never)).toEqual([]);
    expect(textSignals("Welcome to St Example's", engine, 'x', (rule, words) => rule === 'school-mention' && /example/i.test(words))).toEqual([]);
  });
});
