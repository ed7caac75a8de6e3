/** The real `policy build` command, run as school IT would run it, on the MIS fixture exports. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../../support/run-cli';
import { EXTENSION_ID } from '../../../lib/extension-identity';

const root = REPO_ROOT;
const mis = (f: string) => join(root, 'tests/fixtures/mis', f);

const cli = runCli;

const tmp = () => mkdtempSync(join(tmpdir(), 'second-look-build-'));

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Every file's text, the .reg files decoded from UTF-16. */
function allText(dir: string): string {
  return allFiles(dir)
    .map((f) => (f.endsWith('.reg') ? new TextDecoder('utf-16le').decode(readFileSync(f)) : readFileSync(f, 'utf8')))
    .join('\n');
}

const BASE = ['policy', 'build', '--school', 'Oakfield Primary School', '--aliases', 'Oakfield,OPS', '--aliases', '@OakfieldPrimary', '--pupils', mis('sims-pupils.csv'), '--staff', mis('arbor-staff.csv')];

describe('policy build', () => {
  it('writes a policy from the CSVs and every deployment file, and says where each goes', async () => {
    const out = tmp();
    const { code, stdout, stderr } = await cli([...BASE, '--former-pupils', mis('sims-former-pupils.csv'), '--parents', mis('sims-parents.csv'), '--out', out]);
    expect(stderr).toContain('sims-pupils.csv: 6 pupils (columns used: Legal Surname, Legal Forename, Preferred Surname, Preferred Forename).');
    expect(code).toBe(0);
    expect(stdout).toContain('Policy for Oakfield Primary School: 3 members of staff, 6 pupils, 2 former pupils, 3 parents and carers.');
    const written = allFiles(out).map((f) => relative(out, f)).sort();
    expect(written).toEqual(
      [
        'README.txt',
        'firefox/policies.json',
        'google-admin/policy-for-extensions.json',
        'linux/chrome-and-chromium.json',
        'linux/edge.json',
        'macos/chrome.mobileconfig',
        'macos/edge.mobileconfig',
        'policy.json',
        'windows/admx/SecondLook-Chrome.admx',
        'windows/admx/SecondLook-Edge.admx',
        'windows/admx/en-US/SecondLook-Chrome.adml',
        'windows/admx/en-US/SecondLook-Edge.adml',
        'windows/chrome.reg',
        'windows/edge.reg',
        'windows/intune/chrome-policy.ps1',
        'windows/intune/edge-policy.ps1',
      ].sort(),
    );
    for (const f of written) expect(stdout).toContain(f);
    const linux = JSON.parse(readFileSync(join(out, 'linux/chrome-and-chromium.json'), 'utf8'));
    const policy = linux['3rdparty'].extensions[EXTENSION_ID];
    expect(policy.schoolName).toBe('Oakfield Primary School');
    expect(policy.schoolAliases).toEqual(['Oakfield', 'OPS', '@OakfieldPrimary']);
    expect(policy.pupils).toContainEqual({ name: 'Alfie Hartley', aliases: ['Alfred Hartley'] });
    expect(policy.staff).toContainEqual({ name: 'Grace Edwards', role: 'Deputy Headteacher', title: 'Mrs' });
    expect(policy.parents.map((p: { name: string }) => p.name)).toEqual(['Mark Thornton', 'Kelly Thornton', 'Rahima Begum']);
    expect(policy.rosterHash).toBeUndefined();
    expect(stderr).toContain('For school-wide deployment, build with --hash.');
    // Each console's copy says which route it was made for; policy.json is the policy alone.
    const { delivery, ...rest } = policy;
    expect(delivery).toEqual({ route: 'linux-file', built: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'))).toEqual(rest);
  });

  it('the policy it writes is one the check command uses: a pupil from the CSV is flagged', async () => {
    const out = tmp();
    expect((await cli([...BASE, '--out', out])).code).toBe(0);
    const { code, stdout } = await cli(['check', '--policy', join(out, 'policy.json')], '{"id": 1, "text": "So proud of Alfie Hartley today"}\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toMatchObject([{ rule: 'pupil-mention', severity: 'high' }]);
  });

  it('--hash: no pupil name in any file, the key saved (never printed) and reused on the next build', async () => {
    const out = tmp();
    const first = await cli([...BASE, '--hash', '--out', out]);
    expect(first.code).toBe(0);
    const keyFile = join(out, 'roster-key.txt');
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(first.stdout + first.stderr).not.toContain(key);
    expect(first.stderr).toContain('a new roster key was made');
    expect(first.stderr).not.toContain('build with --hash');

    const everything = allText(out).replace(key, '');
    for (const name of ['Thornton', 'Hartley', 'Alfred', 'Kowalska', 'Okafor', 'Edwards']) expect(everything, name).not.toContain(name);
    const policy = JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'));
    // The compact scheme: a word table and packed lists, plain base64, no list left outside.
    expect(Object.keys(policy.rosterHash).sort()).toEqual(['key', 'pupils', 'scheme', 'staff', 'words']);
    expect(policy.rosterHash).toMatchObject({ scheme: 'hmac-sha256-48', key });
    expect(policy.rosterHash.words).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(policy.pupils).toBeUndefined();

    const again = await cli([...BASE, '--hash', '--out', out]);
    expect(again.stderr).toContain("the school's roster key was reused");
    expect(JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'))).toEqual(policy);

    // A key file elsewhere (the school's records) gives the same hashes in a fresh folder.
    const elsewhere = tmp();
    expect((await cli([...BASE, '--hash', '--key-file', keyFile, '--out', elsewhere])).code).toBe(0);
    expect(readFileSync(join(elsewhere, 'policy.json'), 'utf8')).toBe(readFileSync(join(out, 'policy.json'), 'utf8'));
    expect(existsSync(join(elsewhere, 'roster-key.txt'))).toBe(false);
  });

  it('force-install files for each browser when update addresses are given', async () => {
    const out = tmp();
    const { code } = await cli([
      ...BASE,
      '--update-url', 'https://clients2.google.com/service/update2/crx',
      '--edge-extension-id', 'abcdefghijklmnopabcdefghijklmnop',
      '--edge-update-url', 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
      '--firefox-install-url', 'https://school.example/second-look.xpi',
      '--out', out,
    ]);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'windows/chrome-force-install.reg'))).toBe(true);
    expect(existsSync(join(out, 'windows/edge-force-install.reg'))).toBe(true);
    const edge = JSON.parse(readFileSync(join(out, 'linux/edge.json'), 'utf8'));
    expect(edge.ExtensionSettings).toEqual({ abcdefghijklmnopabcdefghijklmnop: { installation_mode: 'force_installed', update_url: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' } });
    const ff = JSON.parse(readFileSync(join(out, 'firefox/policies.json'), 'utf8'));
    expect(ff.policies.ExtensionSettings['second-look@secondlook.school'].install_url).toBe('https://school.example/second-look.xpi');
  });

  it('warns about skipped rows by row number and still builds', async () => {
    const out = tmp();
    const { code, stderr } = await cli(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('ugly-bad-rows.csv'), '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('ugly-bad-rows.csv: warning: row 4 skipped: it has a surname (“Begum”) but no forename.');
    expect(stderr).toContain('ugly-bad-rows.csv: warning: row 7 skipped: it has a forename (“Theo”) but no surname.');
  });

  it('merges a settings file, validated with paths', async () => {
    const out = tmp();
    const settings = join(tmp(), 'settings.json');
    writeFileSync(settings, JSON.stringify({ mode: 'confirm', schoolAliases: ['OPS', 'oakfield.sch.uk'], contact: 'Mrs Edwards (DSL)', colour: 'blue' }));
    const { code, stderr } = await cli([...BASE, '--settings', settings, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${settings}: warning at colour: Unknown setting "colour" is ignored.`);
    const policy = JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'));
    expect(policy.mode).toBe('confirm');
    expect(policy.contact).toBe('Mrs Edwards (DSL)');
    expect(policy.schoolAliases).toEqual(['OPS', 'oakfield.sch.uk', 'Oakfield', '@OakfieldPrimary']);
    expect(policy.colour).toBeUndefined();
  });
});

describe('policy build: bad input gets a clear message, exit code 2, and nothing written', () => {
  async function fails(args: string[]): Promise<string> {
    const out = join(tmp(), 'out');
    const { code, stdout, stderr } = await cli([...args, '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(existsSync(out), 'nothing written').toBe(false);
    expect(stderr).toContain('Nothing was written.');
    return stderr;
  }

  it('an export whose layout it cannot use: the headers found and the headers it can use', async () => {
    const stderr = await fails(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('ugly-unknown-layout.csv')]);
    expect(stderr).toContain('ugly-unknown-layout.csv: cannot find the name columns of this pupil list. Headers found (row 1): "UPN", "DOB", "Gender", "Admission Date".');
    expect(stderr).toMatch(/Second Look can use a forename column/);
  });

  it('every bad file is reported at once', async () => {
    const stderr = await fails(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('ugly-mostly-bad.csv'), '--staff', mis('nope.csv')]);
    expect(stderr).toContain('ugly-mostly-bad.csv: 3 of 4 rows have no usable name');
    expect(stderr).toContain('nope.csv: cannot read the file: no such file.');
  });

  it('a settings file with an error: its path in the policy', async () => {
    const settings = join(tmp(), 'settings.json');
    writeFileSync(settings, JSON.stringify({ mode: 'shout', rules: { 'pupil-mention': { severity: 'huge' } } }));
    const stderr = await fails([...BASE, '--settings', settings]);
    expect(stderr).toContain(`${settings}: error at mode: Must be one of "warn", "confirm"; found "shout".`);
    expect(stderr).toContain(`${settings}: error at rules.pupil-mention.severity: Must be one of "high", "medium", "low"; found "huge".`);
  });

  it('settings that are not JSON, a roster key file that is not a key, a bad extension id', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), '{ mode: warn');
    expect(await fails([...BASE, '--settings', join(dir, 's.json')])).toMatch(/s\.json: the settings are not valid JSON/);
    writeFileSync(join(dir, 'key.txt'), 'not a key!\n');
    expect(await fails([...BASE, '--hash', '--key-file', join(dir, 'key.txt')])).toMatch(/key\.txt: this is not a roster key/);
    expect(await fails([...BASE, '--extension-id', 'xyz'])).toContain('--extension-id must be a Chrome/Edge extension id');
    expect(await fails([...BASE, '--update-url', 'clients2.google.com'])).toContain('--update-url must be a web address');
  });

  it('missing options and unknown ones', async () => {
    expect(await fails(['policy', 'build', '--pupils', mis('sims-pupils.csv')])).toContain('policy build needs --school');
    expect(await fails(['policy', 'build', '--school', 'Oakfield'])).toContain('policy build needs --pupils');
    const unknown = await cli(['policy', 'build', '--school', 'Oakfield', '--pupil', 'x.csv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option "--pupil".');
    const sub = await cli(['policy', 'make']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('"policy build"');
  });
});

describe('policy build: what the issue 13 review found', () => {
  it('--split-by: one policy and one folder of files per school, only that school\'s people, and a summary table', async () => {
    const out = tmp();
    const { code, stdout, stderr } = await cli(['policy', 'build', '--split-by', 'School', '--pupils', mis('trust-pupils.csv'), '--staff', mis('trust-staff.csv'), '--school-aliases', mis('trust-schools.csv'), '--hash', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('trust-pupils.csv: warning: row 10 skipped: it has nothing in the “School” column, so it belongs to no school.');
    expect(readdirSync(out).sort()).toEqual(['elm-tree-academy', 'oakfield-primary-school', 'roster-key.txt', 'st-anne-s-c-of-e-primary', 'summary.txt']);
    const summary = readFileSync(join(out, 'summary.txt'), 'utf8');
    expect(summary).toMatch(/^School\s+Folder\s+Pupils\s+Staff/);
    expect(summary).toMatch(/Oakfield Primary School\s+oakfield-primary-school\s+3\s+1\s/);
    expect(summary).toMatch(/Elm Tree Academy\s+elm-tree-academy\s+3\s+2\s/);
    expect(stdout).toContain(summary.trim().split('\n')[0]);

    // Each school's policy names that school and matches only its own pupils.
    const check = async (school: string, text: string) => {
      const r = await cli(['check', '--policy', join(out, school, 'policy.json')], JSON.stringify({ text }) + '\n');
      return JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule);
    };
    const elm = JSON.parse(readFileSync(join(out, 'elm-tree-academy/policy.json'), 'utf8'));
    expect(elm.schoolName).toBe('Elm Tree Academy');
    expect(elm.schoolAliases).toEqual(['Elm Tree', 'ETA']);
    expect(JSON.parse(readFileSync(join(out, 'st-anne-s-c-of-e-primary/policy.json'), 'utf8')).schoolAliases).toBeUndefined();
    expect(await check('elm-tree-academy', 'Well done Ruby Chapman')).toContain('pupil-mention');
    expect(await check('oakfield-primary-school', 'Well done Ruby Chapman')).not.toContain('pupil-mention');
    // The same child's name in two schools is a pupil in each.
    expect(await check('oakfield-primary-school', 'Well done Isla Thornton')).toContain('pupil-mention');
    expect(await check('elm-tree-academy', 'Well done Isla Thornton')).toContain('pupil-mention');
    expect(readFileSync(join(out, 'st-anne-s-c-of-e-primary/README.txt'), 'utf8')).toContain("Second Look policy for St Anne's C of E Primary");
  }, 120_000);

  it('--aliases (one school\'s) with --split-by is refused, pointing at --school-aliases', async () => {
    const { code, stderr } = await cli(['policy', 'build', '--split-by', 'School', '--aliases', 'OPS', '--pupils', mis('trust-pupils.csv'), '--out', join(tmp(), 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain("give each school's in --school-aliases <schools.csv>");
  });

  it('--split-by a column that is not there is refused with the headers found', async () => {
    const out = join(tmp(), 'out');
    const { code, stderr } = await cli(['policy', 'build', '--split-by', 'Academy', '--pupils', mis('trust-pupils.csv'), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('trust-pupils.csv: there is no “Academy” column to split by. Headers found (row 1): “School”, “Legal first name”');
    expect(existsSync(out)).toBe(false);
  });

  it('swapped --pupils and --staff are noticed (a job-title column in the pupils file)', async () => {
    const out = join(tmp(), 'out');
    const { code, stderr } = await cli(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('arbor-staff.csv'), '--staff', mis('sims-pupils.csv'), '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('arbor-staff.csv: this file has a “Job title” column, so it looks like a list of members of staff, not of pupils. Were the files given the wrong way round (--pupils and --staff)?');
    expect(stderr).toContain('sims-pupils.csv: this file has a “UPN” column, so it looks like a list of pupils, not of members of staff.');
    expect(existsSync(out)).toBe(false);
  });

  it('one bad row in four is a warning, not a refused file', async () => {
    const out = tmp();
    const { code, stderr } = await cli(['policy', 'build', '--school', 'Oakfield', '--pupils', mis('ugly-one-bad-row.csv'), '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('ugly-one-bad-row.csv: 3 pupils');
    expect(stderr).toContain('ugly-one-bad-row.csv: warning: row 3 skipped: it has a forename (“Alfie”) but no surname.');
  });

  it('takes exactly what the options page takes: an https:// policy link, a school name that is not blank', async () => {
    const settings = join(tmp(), 'settings.json');
    writeFileSync(settings, JSON.stringify({ policyUrl: 'oakfield.sch.uk/social-media' }));
    const noScheme = await cli([...BASE, '--settings', settings, '--out', join(tmp(), 'out')]);
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain(`${settings}: error at policyUrl: Give a web address starting with https://, for example https://example.sch.uk/policies.`);
    const blank = await cli(['policy', 'build', '--school', '   ', '--pupils', mis('sims-pupils.csv'), '--out', join(tmp(), 'out')]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('policy build needs --school');
  });

  it('a roster too large for a route: that route\'s files are not written, and the message says what to use instead', async () => {
    // About 9,000 plain names: the Intune scripts pass 200 KB; everything else still fits.
    const dir = tmp();
    const firsts = readFileSync(join(root, 'tests/fixtures/names/given-names.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
    const lasts = readFileSync(join(root, 'tests/fixtures/names/surnames.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
    const rows = ['Forename,Surname'];
    for (let i = 0; rows.length <= 9000; i++) rows.push(`${firsts[i % firsts.length]},${lasts[Math.floor(i / firsts.length) % lasts.length]}`);
    writeFileSync(join(dir, 'pupils.csv'), rows.join('\n'));
    const out = join(dir, 'out');
    const { code, stderr } = await cli(['policy', 'build', '--school', 'Oakfield Trust School', '--pupils', join(dir, 'pupils.csv'), '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/Intune PowerShell script: no files written: the script would be [\d,]+ bytes, over the 200 KB Intune accepts for a platform script\. Use the \.reg files \(windows\/chrome\.reg, windows\/edge\.reg\) in an Intune Win32 app, or Google Admin, instead\./);
    expect(existsSync(join(out, 'windows/intune/chrome-policy.ps1'))).toBe(false);
    expect(existsSync(join(out, 'windows/chrome.reg'))).toBe(true);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('Routes this policy is too large for');
  });

  it('--help prints the usage and exits 0, wherever it is asked', async () => {
    for (const args of [['--help'], ['help'], ['check', '--help'], ['policy', 'build', '--help'], ['policy', 'build', '--school', 'X', '-h']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage:');
    }
    expect((await cli([])).code).toBe(2);
  }, 120_000);
});
