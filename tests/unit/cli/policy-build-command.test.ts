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
      ].sort(),
    );
    for (const f of written) expect(stdout).toContain(f);
    const linux = JSON.parse(readFileSync(join(out, 'linux/chrome-and-chromium.json'), 'utf8'));
    const policy = linux['3rdparty'].extensions[EXTENSION_ID];
    expect(policy.schoolName).toBe('Oakfield Primary School');
    expect(policy.schoolAliases).toEqual(['Oakfield', 'OPS', '@OakfieldPrimary']);
    expect(policy.pupils).toContainEqual({ name: 'Alfie Hartley', aliases: ['Alfred Hartley'] });
    expect(policy.staff).toContainEqual({ name: 'Grace Edwards', role: 'Deputy Headteacher' });
    expect(policy.parents.map((p: { name: string }) => p.name)).toEqual(['Mark Thornton', 'Kelly Thornton', 'Rahima Begum']);
    expect(policy.rosterHash).toBeUndefined();
    expect(stderr).toContain('For school-wide deployment, build with --hash.');
    expect(JSON.parse(readFileSync(join(out, 'policy.json'), 'utf8'))).toEqual(policy);
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
    expect(policy.rosterHash).toEqual({ scheme: 'hmac-sha256-96', key });

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
