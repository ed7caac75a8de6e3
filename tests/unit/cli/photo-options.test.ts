/** `policy build`'s photo and school-day options, and `check --image`, run as school IT would. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoSettings } from '../../../lib/deploy/photo-settings';
import { bareJpeg } from '../../support/exif-writer';
import { mp4 } from '../../support/box-writer';
import { REPO_ROOT, runCli } from '../../support/run-cli';

const mis = (f: string) => join(REPO_ROOT, 'tests/fixtures/mis', f);
const tmp = () => mkdtempSync(join(tmpdir(), 'second-look-photo-cli-'));

describe('policy build: photos and the school day', () => {
  it('turns the options into policy fields', () => {
    const { settings, errors } = photoSettings({
      schoolSites: ['51.50238,-0.13462', 'Junior site: 51.5100, -0.1200, 400m'],
      schoolDay: 'Mon-Thu,Fri 8:45-15:15',
      timeZone: 'Europe/London',
      breaks: ['12:00-13:00'],
      terms: ['2025-09-03..2025-10-24'],
      photoChecks: ['place', 'text'],
      workingHours: true,
    });
    expect(errors).toEqual([]);
    expect(settings).toEqual({
      schoolSites: [{ lat: 51.50238, lon: -0.13462 }, { name: 'Junior site', lat: 51.51, lon: -0.12, radiusMetres: 400 }],
      schoolDay: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:45', end: '15:15', timeZone: 'Europe/London', breaks: [{ start: '12:00', end: '13:00' }], terms: [{ from: '2025-09-03', to: '2025-10-24' }] },
      photoChecks: { place: true, time: false, faces: false, text: true },
      rules: { 'working-hours': { enabled: true } },
    });
  });

  it('writes them into every deployment file, over the settings file’s', async () => {
    const out = tmp();
    const settings = join(out, 'settings.json');
    writeFileSync(settings, JSON.stringify({ mode: 'confirm', schoolDay: { start: '08:00' }, rules: { 'working-hours': { severity: 'medium' } } }));
    const { code, stderr } = await runCli(['policy', 'build', '--school', 'Oakfield Primary School', '--pupils', mis('sims-pupils.csv'), '--settings', settings, '--school-site', 'Oakfield: 52.6309,1.2974', '--school-day', 'Mon-Fri 08:40-15:20', '--working-hours', '--out', out]);
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    const linux = JSON.parse(readFileSync(join(out, 'linux/chrome-and-chromium.json'), 'utf8'));
    const policy = Object.values(linux['3rdparty'].extensions)[0];
    expect(policy).toMatchObject({
      mode: 'confirm',
      schoolSites: [{ name: 'Oakfield', lat: 52.6309, lon: 1.2974 }],
      schoolDay: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:40', end: '15:20' },
      rules: { 'working-hours': { enabled: true, severity: 'medium' } },
    });
  });

  it('says which option is wrong and how to write it, and writes nothing', async () => {
    const out = join(tmp(), 'out');
    const { code, stderr } = await runCli(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('sims-pupils.csv'), '--school-site', 'the school', '--school-site', '95,1', '--break', 'noon', '--photo-checks', 'smell', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('--school-site "the school": write it as "<latitude>,<longitude>[,<radius in metres>]"');
    expect(stderr).toContain('--break "noon": write a break as "HH:MM-HH:MM"');
    expect(stderr).toContain('--photo-checks: "smell" is not a photo check');
    expect(stderr).toContain('Nothing was written.');
  });

  it('checks the values like the extension does', async () => {
    const out = join(tmp(), 'out');
    const { code, stderr } = await runCli(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('sims-pupils.csv'), '--school-site', '95,1', '--time-zone', 'Mars/Olympus', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/schoolSites\[0\]\.lat: A latitude is between -90 and 90/);
    expect(stderr).toMatch(/schoolDay\.timeZone: Give a time zone by its IANA name/);
  });
});

describe('check --image', () => {
  const dir = tmp();
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ schoolName: "St Example's C of E Primary School", schoolSites: [{ lat: 51.50238, lon: -0.13462 }], photoChecks: { text: false } }));

  it('gives the same school-photo finding for a photo from the grounds as the browser', async () => {
    const file = join(dir, 'IMG_2041.jpg');
    writeFileSync(file, bareJpeg({ lat: 51.5029, lon: -0.1339, taken: '2025:03:31 10:15:00', offset: '+01:00' }));
    const { code, stdout } = await runCli(['check', '--policy', policy, '--image', file]);
    expect(code).toBe(0);
    const line = JSON.parse(stdout);
    expect(line.signals.place).toEqual({ name: "St Example's C of E Primary School", distanceMetres: 76 });
    expect(line.findings).toEqual([
      {
        rule: 'school-photo',
        severity: 'high',
        message: "It was taken about 80 m from St Example's C of E Primary School, according to its location data.",
        details: ['It was taken in the school day (Monday at 10:15), by the camera’s clock.'],
      },
    ]);
  });

  it('reads a video’s metadata, and finds nothing for one taken elsewhere', async () => {
    const near = join(dir, 'near.mp4');
    const far = join(dir, 'far.mp4');
    writeFileSync(near, mp4({ xyz: '+51.5029-000.1339/', moovAtEnd: true }));
    writeFileSync(far, mp4({ xyz: '+53.4808-002.2426/' }));
    expect(JSON.parse((await runCli(['check', '--policy', policy, '--image', near])).stdout).findings[0].details).toContain('Only a video’s location and time data are checked, not what it shows.');
    expect(JSON.parse((await runCli(['check', '--policy', policy, '--image', far])).stdout).findings).toEqual([]);
  });

  it('says clearly when the file cannot be used', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a photo');
    const r = await runCli(['check', '--policy', policy, '--image', text]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a photo or video Second Look can read');
    expect((await runCli(['check', '--policy', policy, '--image', join(dir, 'missing.jpg')])).stderr).toContain('missing.jpg: cannot read the file: no such file.');
  });
});
