import { describe, expect, it } from 'vitest';
import { photoLabel, photoVerdict } from '../../../lib/photo/combine';
import type { PhotoSignals } from '../../../lib/photo/signals';

const base: PhotoSignals = { kind: 'photo', look: 'done' };
const atSchool = { name: "St Example's", distanceMetres: 76, area: 'area 1:2' };
const schoolDay = { when: 'Monday at 10:15' };

describe('combining a photo’s signals', () => {
  it('its location data at a school site is enough on its own, high, in plain words', () => {
    const v = photoVerdict({ ...base, place: atSchool }, [])!;
    expect(v.severity).toBe('high');
    expect(v.message).toBe("It was taken about 80 m from St Example's, according to its location data.");
    expect(v.byPlace).toBe(true);
  });

  it('the school’s name or a name in strong form read in it is high; school-life words are medium', () => {
    const named = photoVerdict({ ...base, text: [{ rule: 'school-mention', severity: 'high', evidence: "St Example's" }] }, [])!;
    expect(named).toMatchObject({ severity: 'high', message: 'The school’s name can be read in it (“St Example\'s”).', byPlace: false });
    const both = photoVerdict({ ...base, text: [{ rule: 'colleague-mention', severity: 'high', evidence: 'Mrs S Jones' }, { rule: 'school-mention', severity: 'high', evidence: 'SEPS' }] }, [])!;
    expect(both.message).toBe('The school’s name and a colleague’s name can be read in it (“SEPS”, “Mrs S Jones”).');
    const life = photoVerdict({ ...base, text: [{ rule: 'school-life', severity: 'medium', evidence: 'Sports Day' }] }, [])!;
    expect(life).toMatchObject({ severity: 'medium', message: 'Words about school can be read in it (“Sports Day”).' });
  });

  it('faces alone and the time alone say nothing', () => {
    expect(photoVerdict({ ...base, faces: 3 }, [])).toBeUndefined();
    expect(photoVerdict({ ...base, schoolHours: schoolDay }, [])).toBeUndefined();
    expect(photoVerdict({ ...base, faces: 0, schoolHours: schoolDay }, ['school-life'])).toBeUndefined();
  });

  it('faces with another sign of school warn, medium: taken in the school day, or a caption about school', () => {
    const time = photoVerdict({ ...base, faces: 3, schoolHours: schoolDay }, [])!;
    expect(time).toMatchObject({ severity: 'medium', message: 'It shows 3 people’s faces. It was taken in the school day (Monday at 10:15).' });
    const caption = photoVerdict({ ...base, faces: 1 }, ['school-life'])!;
    expect(caption).toMatchObject({ severity: 'medium', message: 'It shows a person’s face. The post is about school.' });
    expect(photoVerdict({ ...base, faces: 2 }, ['personal-info'])).toBeUndefined();
  });

  it('lists the other signs under the reason and never says who the faces are', () => {
    const v = photoVerdict({ ...base, place: atSchool, faces: 4, schoolHours: schoolDay }, [])!;
    expect(v.details).toEqual(['It shows 4 people’s faces.', 'It was taken in the school day (Monday at 10:15), by the camera’s clock.']);
    expect(JSON.stringify(v)).not.toMatch(/child|pupil/i);
  });

  it('says when only the metadata of a HEIC photo or a video could be checked, and when the look is still going', () => {
    expect(photoVerdict({ kind: 'heic', look: 'skipped', place: atSchool }, [])!.details).toContain('This is a HEIC photo: only its location and time data could be checked, not what it shows.');
    expect(photoVerdict({ kind: 'video', look: 'skipped', place: atSchool }, [])!.details).toContain('Only a video’s location and time data are checked, not what it shows.');
    expect(photoVerdict({ ...base, look: 'pending', place: atSchool }, [])!.details).toContain('Still looking at the photo for faces and text…');
  });

  it('takes the school’s own severity, and names one photo of several', () => {
    expect(photoVerdict({ ...base, faces: 2, schoolHours: schoolDay }, [], { severity: 'high' })!.severity).toBe('high');
    expect(photoLabel(0, 1, 'photo')).toBeUndefined();
    expect(photoLabel(1, 3, 'photo')).toBe('The second photo');
    expect(photoVerdict({ ...base, place: atSchool }, [], { label: photoLabel(1, 3, 'video') })!.message).toMatch(/^The second video: It was taken/);
  });
});
