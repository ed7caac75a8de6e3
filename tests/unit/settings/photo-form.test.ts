import { describe, expect, it } from 'vitest';
import { photoFormOf, savePhotoForm } from '../../../lib/settings/photo-form';

const saved = { schoolName: 'Oakfield', mode: 'confirm', rules: { derogatory: { severity: 'high' } } };

describe('the options page’s photos and school day section', () => {
  it('opens with the defaults: every check on, Monday to Friday 08:30 to 15:30 in London, working hours off', () => {
    expect(photoFormOf({})).toEqual({
      sites: '',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '08:30',
      end: '15:30',
      timeZone: 'Europe/London',
      breaks: '',
      terms: '',
      checks: { place: true, time: true, faces: true, text: true },
      photosOn: true,
      workingHoursOn: false,
    });
  });

  it('saves sites, the day, breaks, terms and switches, keeping everything else the person saved', () => {
    const form = { ...photoFormOf({}), sites: "St Example's: 51.50238, -0.13462\nPlaying field: 51.5031, -0.1322, 300", breaks: '12:00-13:00', terms: '2025-09-03..2025-10-24', checks: { place: true, time: true, faces: false, text: true }, workingHoursOn: true };
    const { policy, problems } = savePhotoForm(form, saved, []);
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({
      schoolName: 'Oakfield',
      mode: 'confirm',
      schoolSites: [{ name: "St Example's", lat: 51.50238, lon: -0.13462 }, { name: 'Playing field', lat: 51.5031, lon: -0.1322, radiusMetres: 300 }],
      schoolDay: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '15:30', timeZone: 'Europe/London', breaks: [{ start: '12:00', end: '13:00' }], terms: [{ from: '2025-09-03', to: '2025-10-24' }] },
      photoChecks: { place: true, time: true, faces: false, text: true },
      rules: { derogatory: { severity: 'high' }, 'school-photo': { enabled: true }, 'working-hours': { enabled: true } },
    });
    // …and opens again as it was saved.
    expect(photoFormOf(policy!)).toEqual(form);
  });

  it('says which line of a list is wrong, counting blank lines as the box shows them, in words for staff rather than paths', () => {
    const at = (v: Partial<ReturnType<typeof photoFormOf>>) => savePhotoForm({ ...photoFormOf({}), ...v }, saved, []).problems;
    expect(at({ sites: 'Main: 51.5, -0.12\n\nSt Example’s: 151.5, -0.13' })).toEqual([{ field: 'sites', message: expect.stringMatching(/^Line 3: A latitude is between -90 and 90/) }]);
    expect(at({ sites: 'Main: 51.5, -0.12\nthe school' })).toEqual([{ field: 'sites', message: expect.stringMatching(/^Line 2: “the school” is not a place we can read\. .*for example “Junior site: 51\.5100, -0\.1200, 400”/) }]);
    expect(at({ breaks: '10:30-10:45\n13:00-12:00' })).toEqual([{ field: 'breaks', message: 'Line 2: A break must end after it starts.' }]);
    expect(at({ terms: '\n2025-09-03..2025-10-24\nautumn' })).toEqual([{ field: 'terms', message: expect.stringMatching(/^Line 3: “autumn” is not a term we can read/) }]);
    for (const p of [...at({ sites: 'x: 151, 0' }), ...at({ breaks: '13:00-12:00' }), ...at({ start: '16:00', end: '08:00' })]) {
      expect(p.message).not.toMatch(/schoolSites|schoolDay|--|<latitude>/);
    }
  });

  it('puts each problem next to its field and saves nothing', () => {
    const { policy, problems } = savePhotoForm({ ...photoFormOf({}), sites: 'the school', breaks: 'lunch', timeZone: 'Mars/Olympus' }, saved, []);
    expect(policy).toBeUndefined();
    expect(problems.map((p) => p.field).sort()).toEqual(['breaks', 'sites']);
    const zone = savePhotoForm({ ...photoFormOf({}), timeZone: 'Mars/Olympus' }, saved, []);
    expect(zone.problems).toEqual([expect.objectContaining({ field: 'timeZone', message: expect.stringMatching(/IANA name/) })]);
    expect(savePhotoForm({ ...photoFormOf({}), days: [] }, saved, []).problems).toEqual([{ field: 'days', message: 'Tick at least one school day.' }]);
  });

  it('never writes what the school locks', () => {
    const { policy } = savePhotoForm({ ...photoFormOf({}), sites: '51.5, -0.1' }, { ...saved, schoolSites: [{ lat: 52, lon: 1 }] }, ['schoolSites']);
    expect(policy!.schoolSites).toEqual([{ lat: 52, lon: 1 }]);
  });
});
